package dev.kmmlu.scoring;

import static org.assertj.core.api.BDDAssertions.then;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Tests that {@link BackwardScan} visits exactly what a plain backward loop would. */
class BackwardScanTest {
  private static final String CHARS = "은는이oOcC";

  private static List<Integer> visited(String s, int from, int to) {
    BackwardScan scan = new BackwardScan(s, from, to, CHARS);
    List<Integer> positions = new ArrayList<>();
    for (int p = scan.previous(to); p >= 0; p = scan.previous(p)) {
      positions.add(p);
    }
    return positions;
  }

  private static List<Integer> expected(String s, int from, int to) {
    List<Integer> positions = new ArrayList<>();
    for (int p = to - 1; p >= from; p--) {
      if (CHARS.indexOf(s.charAt(p)) >= 0) {
        positions.add(p);
      }
    }
    return positions;
  }

  @Test
  void should_visit_every_candidate_from_the_end_when_the_text_is_longer_than_the_tail() {
    // GIVEN texts with candidates before, inside and after the tail, and bounds inside the text
    Random random = new Random(7);
    String alphabet = "은는이oOcC가나 \nxyz�";
    List<String> differences = new ArrayList<>();
    for (int round = 0; round < 200; round++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(3 * BackwardScan.TAIL);
      for (int k = 0; k < length; k++) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String s = text.toString();
      int from = length == 0 ? 0 : random.nextInt(length);
      int to = from + random.nextInt(length - from + 1);
      // WHEN
      List<Integer> visited = visited(s, from, to);
      // THEN
      if (!visited.equals(expected(s, from, to))) {
        differences.add(round + ": " + from + ".." + to);
      }
    }
    then(differences).isEmpty();
  }

  @Test
  void should_visit_nothing_when_no_candidate_occurs() {
    // GIVEN
    String s = "가나다 ".repeat(200);
    // WHEN
    List<Integer> visited = visited(s, 0, s.length());
    // THEN
    then(visited).isEmpty();
  }

  @Test
  void should_visit_the_positions_in_order_when_candidates_straddle_the_tail() {
    // GIVEN one candidate in the indexed head and one in the tail
    String s = "o" + " ".repeat(BackwardScan.TAIL) + "C";
    // WHEN
    List<Integer> visited = visited(s, 0, s.length());
    // THEN
    then(visited).containsExactly(BackwardScan.TAIL + 1, 0);
  }
}
