package dev.kmmlu.datasets;

import static java.util.Objects.requireNonNull;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The 14 Korean national licensure exams that KMMLU-Pro draws its items from, with the Korean name
 * the data uses ({@code license_name}), an English name, and the item count the paper reports.
 *
 * <p>A licence string the data spells another way (such as 회계사 for 공인회계사) is accepted as an
 * alias by {@link #parse(String)}; an unknown string is not an error, it simply has no licence.
 */
public enum Licence {
  /** 법무사. */
  JUDICIAL_SCRIVENER("법무사", "Certified Judicial Scrivener", 198),
  /** 변호사. */
  LAWYER("변호사", "Lawyer", 150),
  /** 공인노무사. */
  PUBLIC_LABOR_ATTORNEY("공인노무사", "Certified Public Labor Attorney", 239, "노무사"),
  /** 변리사. */
  PATENT_ATTORNEY("변리사", "Certified Patent Attorney", 109),
  /** 공인회계사. */
  CPA("공인회계사", "Certified Public Accountant", 208, "회계사"),
  /** 세무사. */
  TAX_ACCOUNTANT("세무사", "Certified Tax Accountant", 238),
  /** 관세사. */
  CUSTOMS_BROKER("관세사", "Certified Customs Broker", 159),
  /** 손해사정사. */
  DAMAGE_ADJUSTER("손해사정사", "Certified Damage Adjuster", 120),
  /** 감정평가사. */
  APPRAISER("감정평가사", "Certified Appraiser", 196),
  /** 한의사. */
  DOCTOR_OF_KOREAN_MEDICINE("한의사", "Doctor of Korean Medicine", 288),
  /** 치과의사. */
  DENTIST("치과의사", "Dentist", 252),
  /** 약사. */
  PHARMACIST("약사", "Pharmacist", 271),
  /** 한약사. */
  HERB_PHARMACIST("한약사", "Herb Pharmacist", 244),
  /** 의사. */
  PHYSICIAN("의사", "Physician", 150);

  private static final Map<String, Licence> BY_NAME = new HashMap<>();

  static {
    for (Licence licence : values()) {
      BY_NAME.put(licence.koreanName, licence);
      BY_NAME.put(normalize(licence.englishName), licence);
      BY_NAME.put(normalize(licence.name()), licence);
      for (String alias : licence.aliases) {
        BY_NAME.put(alias, licence);
      }
    }
  }

  private final String koreanName;
  private final String englishName;
  private final int expectedItems;
  private final List<String> aliases;

  Licence(String koreanName, String englishName, int expectedItems, String... aliases) {
    this.koreanName = koreanName;
    this.englishName = englishName;
    this.expectedItems = expectedItems;
    this.aliases = List.of(aliases);
  }

  /** Returns the Korean name as KMMLU-Pro's {@code license_name} spells it, such as 약사. */
  public String koreanName() {
    return koreanName;
  }

  /** Returns the English name the paper uses, such as "Pharmacist". */
  public String englishName() {
    return englishName;
  }

  /** Returns the number of KMMLU-Pro test items for this licence, as the paper reports. */
  public int expectedItems() {
    return expectedItems;
  }

  /** Returns the other spellings accepted for this licence, such as 회계사 for 공인회계사. */
  public List<String> aliases() {
    return aliases;
  }

  /** Returns "Korean (English)", such as "약사 (Pharmacist)". */
  public String displayName() {
    return koreanName + " (" + englishName + ")";
  }

  /**
   * Returns the licence a string names: the Korean name, an alias, the English name or the enum
   * name (case and surrounding space ignored, Unicode normalized to NFC), or empty when unknown.
   */
  public static Optional<Licence> parse(String name) {
    requireNonNull(name, "name");
    String nfc = Normalizer.normalize(name.strip(), Normalizer.Form.NFC);
    Licence licence = BY_NAME.get(nfc);
    if (licence == null) {
      licence = BY_NAME.get(normalize(nfc));
    }
    return Optional.ofNullable(licence);
  }

  private static String normalize(String text) {
    return text.strip().toLowerCase(java.util.Locale.ROOT).replaceAll("[\\s_\\-]+", " ");
  }
}
