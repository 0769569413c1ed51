package dev.kmmlu.datasets;

/**
 * The four supercategories that KMMLU groups its 45 subjects into, as in the paper and the hub's
 * dataset card.
 */
public enum Supercategory {
  /** Science, technology, engineering and mathematics: 11 subjects, 9,900 test items. */
  STEM("STEM", "과학기술"),
  /** Applied science: 12 subjects, 11,600 test items. */
  APPLIED_SCIENCE("Applied Science", "응용과학"),
  /** Humanities and social sciences: 11 subjects, 5,130 test items. */
  HUMSS("HUMSS", "인문사회"),
  /** Everything else: 11 subjects, 8,400 test items. */
  OTHER("Other", "기타");

  private final String displayName;
  private final String koreanName;

  Supercategory(String displayName, String koreanName) {
    this.displayName = displayName;
    this.koreanName = koreanName;
  }

  /** Returns the name the paper uses, such as {@code "Applied Science"}. */
  public String displayName() {
    return displayName;
  }

  /** Returns a Korean name, such as {@code "응용과학"}. */
  public String koreanName() {
    return koreanName;
  }

  /** Returns the sum of the expected test sizes of this supercategory's subjects. */
  public int expectedTestSize() {
    int total = 0;
    for (KmmluSubject subject : KmmluSubject.values()) {
      if (subject.supercategory() == this) {
        total += subject.expectedTestSize();
      }
    }
    return total;
  }
}
