package dev.kmmlu.datasets;

import static java.util.Objects.requireNonNull;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The 14 industrial categories of KMMLU-Redux, with the Korean string the data's {@code category}
 * field holds, an English name and the number of items the paper reports.
 *
 * <p>A category string that is none of these is not an error: the question loads with the raw
 * string as its group, and {@link #parse(String)} returns empty for it.
 */
public enum ReduxCategory {
  /** 안전관리. */
  SAFETY_MANAGEMENT("안전관리", "Safety Management", 400),
  /** 환경.에너지. */
  ENVIRONMENT_AND_ENERGY("환경.에너지", "Environment & Energy", 377),
  /** 건설. */
  CONSTRUCTION("건설", "Construction", 333),
  /** 기계. */
  MECHANICAL_ENGINEERING("기계", "Mechanical Engineering", 270),
  /** 재료. */
  MATERIALS("재료", "Materials", 262),
  /** 정보통신. */
  INFORMATION_AND_COMMUNICATION("정보통신", "Information & Communication", 185),
  /** 농림어업. */
  AGRICULTURE_FORESTRY_AND_FISHERIES("농림어업", "Agriculture, Forestry & Fisheries", 185),
  /** 화학. */
  CHEMISTRY("화학", "Chemistry", 140),
  /** 문화.예술.디자인.방송. */
  CULTURE_ARTS_DESIGN_AND_BROADCASTING(
      "문화.예술.디자인.방송", "Culture, Arts, Design & Broadcasting", 119),
  /** 전기.전자. */
  ELECTRICAL_AND_ELECTRONICS("전기.전자", "Electrical & Electronics", 114),
  /** 식품.가공. */
  FOOD_AND_PROCESSING("식품.가공", "Food & Processing", 78),
  /** 건축. */
  ARCHITECTURE("건축", "Architecture", 71),
  /** 경영.회계.사무. */
  MANAGEMENT_ACCOUNTING_AND_OFFICE("경영.회계.사무", "Management, Accounting & Office", 34),
  /** 광업자원. */
  MINING_AND_RESOURCES("광업자원", "Mining & Resources", 19);

  private static final Map<String, ReduxCategory> BY_NAME = new HashMap<>();

  static {
    for (ReduxCategory category : values()) {
      BY_NAME.put(category.koreanName, category);
      BY_NAME.put(key(category.englishName), category);
      BY_NAME.put(key(category.name()), category);
    }
  }

  private final String koreanName;
  private final String englishName;
  private final int expectedItems;

  ReduxCategory(String koreanName, String englishName, int expectedItems) {
    this.koreanName = koreanName;
    this.englishName = englishName;
    this.expectedItems = expectedItems;
  }

  /** Returns the Korean string the data's {@code category} field holds, such as "환경.에너지". */
  public String koreanName() {
    return koreanName;
  }

  /** Returns the English name, such as "Environment &amp; Energy". */
  public String englishName() {
    return englishName;
  }

  /** Returns the number of KMMLU-Redux items in this category, as the paper reports. */
  public int expectedItems() {
    return expectedItems;
  }

  /**
   * Returns the category a string names: the Korean data string (Unicode normalized to NFC), the
   * English name or the enum name (case, surrounding space and separators ignored), or empty when
   * unknown.
   */
  public static Optional<ReduxCategory> parse(String name) {
    requireNonNull(name, "name");
    String nfc = Normalizer.normalize(name.strip(), Normalizer.Form.NFC);
    ReduxCategory category = BY_NAME.get(nfc);
    return Optional.ofNullable(category != null ? category : BY_NAME.get(key(nfc)));
  }

  private static String key(String name) {
    return name.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]+", " ");
  }
}
