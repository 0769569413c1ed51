package dev.kmmlu;

import static java.util.Objects.requireNonNull;

import dev.kmmlu.datasets.KmmluSubject;
import dev.kmmlu.datasets.Supercategory;
import dev.kmmlu.scoring.GroupScore;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The accuracy of one of KMMLU's four supercategories (STEM, Applied Science, HUMSS, Other), as the
 * KMMLU paper breaks its results down: the micro average over the supercategory's items and the
 * macro average over its subjects.
 *
 * @param name the supercategory's name, such as {@code STEM}
 * @param subjects the number of its subjects with at least one scored item
 * @param questions the number of its questions in the run
 * @param correct the number answered correctly
 * @param micro correct over scored items (NaN when none was scored)
 * @param macro the mean of its subjects' accuracies, as each group reports it (NaN when none was
 *     scored)
 */
public record SupercategoryScore(
    String name, int subjects, int questions, int correct, double micro, double macro) {

  /** Validates the components. */
  public SupercategoryScore {
    requireNonNull(name, "name");
  }

  /**
   * Returns the supercategory scores of KMMLU or KMMLU-HARD subject groups, in the paper's order
   * (STEM, Applied Science, HUMSS, Other), leaving out supercategories with no group in the run.
   * Groups that name no KMMLU subject are ignored.
   */
  static List<SupercategoryScore> of(List<GroupScore> groups) {
    Map<Supercategory, List<GroupScore>> bySupercategory = new EnumMap<>(Supercategory.class);
    for (GroupScore group : groups) {
      Optional<KmmluSubject> subject = KmmluSubject.parse(group.name());
      subject.ifPresent(
          s -> bySupercategory.computeIfAbsent(s.supercategory(), k -> new ArrayList<>()).add(group));
    }
    List<SupercategoryScore> scores = new ArrayList<>();
    bySupercategory.forEach(
        (supercategory, members) -> {
          int questions = 0;
          int correct = 0;
          int scored = 0;
          int scoredSubjects = 0;
          double sum = 0.0;
          for (GroupScore group : members) {
            questions += group.questions();
            correct += group.correct();
            scored += group.scored();
            if (group.scored() > 0) {
              scoredSubjects++;
              sum += group.accuracy().value();
            }
          }
          scores.add(
              new SupercategoryScore(
                  supercategory.displayName(),
                  scoredSubjects,
                  questions,
                  correct,
                  scored == 0 ? Double.NaN : (double) correct / scored,
                  scoredSubjects == 0 ? Double.NaN : sum / scoredSubjects));
        });
    return List.copyOf(scores);
  }
}
