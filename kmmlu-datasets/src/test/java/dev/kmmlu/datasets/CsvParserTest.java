package dev.kmmlu.datasets;

import static org.assertj.core.api.BDDAssertions.catchThrowable;
import static org.assertj.core.api.BDDAssertions.then;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvParserTest {

  @Test
  void should_read_quoted_commas_quotes_and_line_breaks_when_fields_are_quoted() {
    // GIVEN
    String text = "a,b\n\"x, y\",\"say \"\"hi\"\"\"\n\"two\nlines\",z\nlast,row\n";
    // WHEN
    List<CsvParser.Record> records = CsvParser.parse("t.csv", text);
    // THEN
    then(records)
        .containsExactly(
            new CsvParser.Record(1, List.of("a", "b")),
            new CsvParser.Record(2, List.of("x, y", "say \"hi\"")),
            new CsvParser.Record(3, List.of("two\nlines", "z")),
            new CsvParser.Record(5, List.of("last", "row")));
  }

  @Test
  void should_read_crlf_like_lf_when_lines_end_in_crlf() {
    // GIVEN
    String text = "a,b\r\n\"two\r\nlines\",z\r\nc,d";
    // WHEN
    List<CsvParser.Record> records = CsvParser.parse("t.csv", text);
    // THEN
    then(records)
        .containsExactly(
            new CsvParser.Record(1, List.of("a", "b")),
            new CsvParser.Record(2, List.of("two\nlines", "z")),
            new CsvParser.Record(4, List.of("c", "d")));
  }

  @Test
  void should_keep_empty_fields_and_blank_lines_when_they_are_inside_the_text() {
    // GIVEN
    String text = "a,,\n\nb,c,";
    // WHEN
    List<CsvParser.Record> records = CsvParser.parse("t.csv", text);
    // THEN
    then(records)
        .containsExactly(
            new CsvParser.Record(1, List.of("a", "", "")),
            new CsvParser.Record(2, List.of("")),
            new CsvParser.Record(3, List.of("b", "c", "")));
  }

  @Test
  void should_fail_with_the_opening_line_when_a_quote_is_never_closed() {
    // GIVEN
    String text = "a,b\nc,\"open\nstill open";
    // WHEN
    Throwable thrown = catchThrowable(() -> CsvParser.parse("t.csv", text));
    // THEN
    then(thrown)
        .isInstanceOf(DatasetException.class)
        .hasMessage(
            "t.csv:2: expected a closing quote for the field that opens on this line, but found"
                + " the end of the file");
  }

  @Test
  void should_fail_when_text_follows_a_closing_quote() {
    // GIVEN
    String text = "a,b\n\"x\"y,z\n";
    // WHEN
    Throwable thrown = catchThrowable(() -> CsvParser.parse("t.csv", text));
    // THEN
    then(thrown)
        .isInstanceOf(DatasetException.class)
        .hasMessage("t.csv:2: expected a comma or a line end after a closing quote, but found \"y\"");
  }

  @Test
  void should_read_crlf_quoted_line_breaks_and_empty_last_fields_when_mixed() {
    // GIVEN a CRLF file whose quoted field spans two lines, whose unquoted field holds a quote,
    // and whose rows end in an empty field, the last one without a line end
    String text = "a,b,c\r\n\"x\r\ny\",5\" pipe,\r\nz,,";
    // WHEN
    List<CsvParser.Record> records = CsvParser.parse("t.csv", text);
    // THEN
    then(records)
        .containsExactly(
            new CsvParser.Record(1, List.of("a", "b", "c")),
            new CsvParser.Record(2, List.of("x\ny", "5\" pipe", "")),
            new CsvParser.Record(4, List.of("z", "", "")));
  }

  @Test
  void should_name_the_line_of_the_error_when_an_earlier_quoted_field_spans_lines() {
    // GIVEN a record on lines 2-3, then a bad record on line 4
    String text = "a,b\r\n\"one\r\ntwo\",c\r\n\"d\"e,f\r\n";
    // WHEN
    Throwable thrown = catchThrowable(() -> CsvParser.parse("t.csv", text));
    // THEN
    then(thrown)
        .isInstanceOf(DatasetException.class)
        .hasMessage("t.csv:4: expected a comma or a line end after a closing quote, but found \"e\"");
  }
}
