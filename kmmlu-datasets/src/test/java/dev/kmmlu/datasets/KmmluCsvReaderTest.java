package dev.kmmlu.datasets;

import static org.assertj.core.api.BDDAssertions.then;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KmmluCsvReaderTest {

  @ParameterizedTest
  @CsvSource({"0, 0000", "7, 0007", "137, 0137", "9999, 9999", "12345, 12345"})
  void should_pad_to_four_digits_when_numbering_rows(int row, String expected) {
    // GIVEN row
    // WHEN
    String number = KmmluCsvReader.rowNumber(row);
    // THEN
    then(number).isEqualTo(expected);
  }
}
