package dev.kmmlu.datasets;

import static dev.kmmlu.datasets.Supercategory.APPLIED_SCIENCE;
import static dev.kmmlu.datasets.Supercategory.HUMSS;
import static dev.kmmlu.datasets.Supercategory.OTHER;
import static dev.kmmlu.datasets.Supercategory.STEM;
import static java.util.Objects.requireNonNull;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The 45 subjects of KMMLU and KMMLU-HARD, with the names each dataset and file layout uses, a
 * Korean and an English name, the supercategory and the number of test items.
 *
 * <p>Names: the hub config name ({@code Korean-History}) is what results are grouped by; the file
 * stem ({@code korean-history}, as in {@code data/korean-history-test.csv}) equals the config name
 * except for Korean-History and Math; KMMLU-HARD's configs are lower-case snake case ({@code
 * korean_history}); the CSV's {@code Category} column holds the readable name ({@code Korean
 * History}), which is also {@link #englishName()}. The Korean names are this library's
 * translations; the dataset does not publish Korean subject names.
 */
public enum KmmluSubject {
  /** Accounting, 회계. */
  ACCOUNTING("Accounting", "회계", HUMSS, 100),
  /** Agricultural Sciences, 농업과학. */
  AGRICULTURAL_SCIENCES("Agricultural-Sciences", "농업과학", OTHER, 1000),
  /** Aviation Engineering and Maintenance, 항공정비. */
  AVIATION_ENGINEERING_AND_MAINTENANCE(
      "Aviation-Engineering-and-Maintenance", "항공정비", APPLIED_SCIENCE, 1000),
  /** Biology, 생물학. */
  BIOLOGY("Biology", "생물학", STEM, 1000),
  /** Chemical Engineering, 화학공학. */
  CHEMICAL_ENGINEERING("Chemical-Engineering", "화학공학", STEM, 1000),
  /** Chemistry, 화학. */
  CHEMISTRY("Chemistry", "화학", STEM, 600),
  /** Civil Engineering, 토목공학. */
  CIVIL_ENGINEERING("Civil-Engineering", "토목공학", STEM, 1000),
  /** Computer Science, 컴퓨터과학. */
  COMPUTER_SCIENCE("Computer-Science", "컴퓨터과학", STEM, 1000),
  /** Construction, 건설. */
  CONSTRUCTION("Construction", "건설", OTHER, 1000),
  /** Criminal Law, 형법. */
  CRIMINAL_LAW("Criminal-Law", "형법", HUMSS, 200),
  /** Ecology, 생태학. */
  ECOLOGY("Ecology", "생태학", STEM, 1000),
  /** Economics, 경제학. */
  ECONOMICS("Economics", "경제학", HUMSS, 130),
  /** Education, 교육학. */
  EDUCATION("Education", "교육학", HUMSS, 100),
  /** Electrical Engineering, 전기공학. */
  ELECTRICAL_ENGINEERING("Electrical-Engineering", "전기공학", STEM, 1000),
  /** Electronics Engineering, 전자공학. */
  ELECTRONICS_ENGINEERING("Electronics-Engineering", "전자공학", APPLIED_SCIENCE, 1000),
  /** Energy Management, 에너지관리. */
  ENERGY_MANAGEMENT("Energy-Management", "에너지관리", APPLIED_SCIENCE, 1000),
  /** Environmental Science, 환경과학. */
  ENVIRONMENTAL_SCIENCE("Environmental-Science", "환경과학", APPLIED_SCIENCE, 1000),
  /** Fashion, 패션. */
  FASHION("Fashion", "패션", OTHER, 1000),
  /** Food Processing, 식품가공. */
  FOOD_PROCESSING("Food-Processing", "식품가공", OTHER, 1000),
  /** Gas Technology and Engineering, 가스기술. */
  GAS_TECHNOLOGY_AND_ENGINEERING(
      "Gas-Technology-and-Engineering", "가스기술", APPLIED_SCIENCE, 1000),
  /** Geomatics, 측량. */
  GEOMATICS("Geomatics", "측량", APPLIED_SCIENCE, 1000),
  /** Health, 보건. */
  HEALTH("Health", "보건", OTHER, 100),
  /** Industrial Engineer, 산업공학. */
  INDUSTRIAL_ENGINEER("Industrial-Engineer", "산업공학", APPLIED_SCIENCE, 1000),
  /** Information Technology, 정보기술. */
  INFORMATION_TECHNOLOGY("Information-Technology", "정보기술", STEM, 1000),
  /** Interior Architecture and Design, 실내건축. */
  INTERIOR_ARCHITECTURE_AND_DESIGN("Interior-Architecture-and-Design", "실내건축", OTHER, 1000),
  /** Korean History, 한국사. */
  KOREAN_HISTORY("Korean-History", "korean-history", "한국사", HUMSS, 100),
  /** Law, 법학. */
  LAW("Law", "법학", HUMSS, 1000),
  /** Machine Design and Manufacturing, 기계설계. */
  MACHINE_DESIGN_AND_MANUFACTURING(
      "Machine-Design-and-Manufacturing", "기계설계", APPLIED_SCIENCE, 1000),
  /** Management, 경영학. */
  MANAGEMENT("Management", "경영학", HUMSS, 1000),
  /** Maritime Engineering, 해양공학. */
  MARITIME_ENGINEERING("Maritime-Engineering", "해양공학", APPLIED_SCIENCE, 600),
  /** Marketing, 마케팅. */
  MARKETING("Marketing", "마케팅", OTHER, 1000),
  /** Materials Engineering, 재료공학. */
  MATERIALS_ENGINEERING("Materials-Engineering", "재료공학", STEM, 1000),
  /** Math, 수학. */
  MATH("Math", "math", "수학", STEM, 300),
  /** Mechanical Engineering, 기계공학. */
  MECHANICAL_ENGINEERING("Mechanical-Engineering", "기계공학", STEM, 1000),
  /** Nondestructive Testing, 비파괴검사. */
  NONDESTRUCTIVE_TESTING("Nondestructive-Testing", "비파괴검사", APPLIED_SCIENCE, 1000),
  /** Patent, 특허. */
  PATENT("Patent", "특허", OTHER, 100),
  /** Political Science and Sociology, 정치사회학. */
  POLITICAL_SCIENCE_AND_SOCIOLOGY("Political-Science-and-Sociology", "정치사회학", HUMSS, 300),
  /** Psychology, 심리학. */
  PSYCHOLOGY("Psychology", "심리학", HUMSS, 1000),
  /** Public Safety, 공공안전. */
  PUBLIC_SAFETY("Public-Safety", "공공안전", OTHER, 1000),
  /** Railway and Automotive Engineering, 철도자동차공학. */
  RAILWAY_AND_AUTOMOTIVE_ENGINEERING(
      "Railway-and-Automotive-Engineering", "철도자동차공학", APPLIED_SCIENCE, 1000),
  /** Real Estate, 부동산. */
  REAL_ESTATE("Real-Estate", "부동산", OTHER, 200),
  /** Refrigerating Machinery, 냉동기계. */
  REFRIGERATING_MACHINERY("Refrigerating-Machinery", "냉동기계", OTHER, 1000),
  /** Social Welfare, 사회복지. */
  SOCIAL_WELFARE("Social-Welfare", "사회복지", HUMSS, 1000),
  /** Taxation, 세무. */
  TAXATION("Taxation", "세무", HUMSS, 200),
  /** Telecommunications and Wireless Technology, 통신무선기술. */
  TELECOMMUNICATIONS_AND_WIRELESS_TECHNOLOGY(
      "Telecommunications-and-Wireless-Technology", "통신무선기술", APPLIED_SCIENCE, 1000);

  private static final Map<String, KmmluSubject> BY_NAME = new HashMap<>();

  static {
    for (KmmluSubject subject : values()) {
      BY_NAME.put(key(subject.configName), subject);
      BY_NAME.put(key(subject.fileStem), subject);
      BY_NAME.put(key(subject.hardConfigName()), subject);
      BY_NAME.put(key(subject.englishName()), subject);
      BY_NAME.put(key(subject.name()), subject);
      BY_NAME.put(Normalizer.normalize(subject.koreanName, Normalizer.Form.NFC), subject);
    }
  }

  private final String configName;
  private final String fileStem;
  private final String koreanName;
  private final Supercategory supercategory;
  private final int expectedTestSize;

  KmmluSubject(
      String configName, String koreanName, Supercategory supercategory, int expectedTestSize) {
    this(configName, configName, koreanName, supercategory, expectedTestSize);
  }

  KmmluSubject(
      String configName,
      String fileStem,
      String koreanName,
      Supercategory supercategory,
      int expectedTestSize) {
    this.configName = configName;
    this.fileStem = fileStem;
    this.koreanName = koreanName;
    this.supercategory = supercategory;
    this.expectedTestSize = expectedTestSize;
  }

  /** Returns the KMMLU hub config name, such as {@code "Korean-History"}; the group key. */
  public String configName() {
    return configName;
  }

  /** Returns the stem of the hub's CSV files, such as {@code "korean-history"}. */
  public String fileStem() {
    return fileStem;
  }

  /** Returns the KMMLU-HARD hub config name, such as {@code "korean_history"}. */
  public String hardConfigName() {
    return configName.toLowerCase(Locale.ROOT).replace('-', '_');
  }

  /** Returns the English name, as the CSV's {@code Category} column spells it ("Korean History"). */
  public String englishName() {
    return configName.replace('-', ' ');
  }

  /** Returns a Korean name, such as {@code "한국사"}. */
  public String koreanName() {
    return koreanName;
  }

  /** Returns the supercategory the paper puts this subject in. */
  public Supercategory supercategory() {
    return supercategory;
  }

  /** Returns the number of KMMLU test items for this subject, as the paper reports. */
  public int expectedTestSize() {
    return expectedTestSize;
  }

  /** Returns the number of KMMLU dev items for this subject, the few-shot pool (always 5). */
  public int expectedDevSize() {
    return 5;
  }

  /**
   * Returns the subject a string names: the config name, the file stem, the KMMLU-HARD snake-case
   * name, the readable {@code Category} ("Korean History"), the Korean name or the enum name (case,
   * surrounding space and the separators space, hyphen and underscore are ignored), or empty when
   * unknown.
   */
  public static Optional<KmmluSubject> parse(String name) {
    requireNonNull(name, "name");
    String nfc = Normalizer.normalize(name.strip(), Normalizer.Form.NFC);
    KmmluSubject subject = BY_NAME.get(nfc);
    return Optional.ofNullable(subject != null ? subject : BY_NAME.get(key(nfc)));
  }

  private static String key(String name) {
    return name.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]+", " ");
  }
}
