namespace Himaya.Generators;

/// <summary>
/// Azerbaijani names for the synthetic population, with rough relative frequencies (popular names weigh more).
/// Children's names follow recent birth cohorts; parents' and grandparents' names are older ones.
/// Cyrillic forms are the usual Russian spellings of old records; names without one are transliterated by rule
/// (<see cref="Spellings"/>).
/// </summary>
internal static class NameLists
{
    public readonly record struct Weighted(string Name, int Weight);

    /// <summary>A surname: male and female form, Russian Cyrillic male form (null: by rule), weight.</summary>
    public readonly record struct Surname(string Male, string Female, string? CyrillicMale, int Weight);

    public static readonly Weighted[] Boys =
    [
        new("Əli", 60), new("Hüseyn", 55), new("Məhəmməd", 50), new("Yusif", 45), new("Ömər", 40), new("Murad", 30),
        new("Elvin", 22), new("Rəşad", 12), new("Tural", 18), new("Nicat", 18), new("Kənan", 18), new("Ayxan", 30),
        new("Rüstəm", 12), new("Orxan", 20), new("Elnur", 10), new("Kamran", 14), new("Əbülfəz", 10), new("İbrahim", 20),
        new("İsmayıl", 22), new("Həsən", 20), new("Fərid", 14), new("Tunar", 18), new("Rauf", 8), new("Samir", 10),
        new("Vüsal", 8), new("Emin", 16), new("Ramil", 8), new("Anar", 8), new("Elçin", 6), new("Cavid", 12),
        new("Fuad", 8), new("Nurlan", 8), new("Toğrul", 14), new("Ceyhun", 8), new("Səbuhi", 6), new("Əmir", 22),
        new("Davud", 14), new("Musa", 12), new("Mikayıl", 16), new("Zaur", 6), new("Nihad", 10), new("Ülvi", 10),
        new("Rəsul", 12), new("Sənan", 10), new("Elşən", 5), new("Vüqar", 5), new("Şahin", 6), new("Ruslan", 8),
        new("Teymur", 10), new("Aydın", 8), new("Babək", 6), new("Taleh", 8), new("İlkin", 12), new("Emil", 12),
        new("Əmrah", 6), new("Həmid", 8), new("Səməd", 8), new("Yaqub", 10), new("Kərim", 10), new("Rəhim", 8),
        new("Cəfər", 8), new("Səlim", 10), new("Bəhruz", 5), new("Əkbər", 6), new("Ağabəy", 4), new("Tərlan", 6),
        new("Nurəddin", 6), new("Fərhad", 8), new("Eldar", 6), new("Mahir", 6), new("Rəvan", 14), new("Mirmehdi", 4),
        new("Zahid", 6), new("Aqşin", 6), new("Tofiq", 3),
    ];

    public static readonly Weighted[] Girls =
    [
        new("Zəhra", 55), new("Fatimə", 50), new("Leyla", 35), new("Aylin", 35), new("Nuray", 25), new("Səbinə", 14),
        new("Günay", 16), new("Aysel", 16), new("Nərmin", 14), new("Ülviyyə", 8), new("Məryəm", 40), new("Ayşə", 22),
        new("Xədicə", 14), new("Zeynəb", 22), new("Nilay", 18), new("Lamiyə", 10), new("Aytən", 10), new("Aynur", 8),
        new("Aygün", 8), new("Nigar", 12), new("Lalə", 10), new("Ləman", 10), new("Gülnar", 8), new("Sevinc", 6),
        new("Ülkər", 8), new("Nərgiz", 8), new("Şəbnəm", 6), new("Türkan", 10), new("Aydan", 12), new("İnci", 10),
        new("Humay", 14), new("Nəzrin", 16), new("Jalə", 6), new("Aysun", 10), new("Narın", 6), new("Elnarə", 6),
        new("Elmira", 4), new("Fidan", 10), new("Gülay", 6), new("Röya", 8), new("Səma", 10), new("Ayan", 10),
        new("Mədinə", 12), new("Əsmər", 6), new("Mehriban", 4), new("Sevda", 6), new("Kəmalə", 4), new("Aidə", 4),
        new("Dilarə", 8), new("Nurlanə", 6), new("Fəridə", 6), new("Səidə", 6), new("Nilufər", 8), new("Arzu", 6),
        new("Minə", 4), new("Səkinə", 6), new("Rəna", 4), new("Tünzalə", 4), new("Yeganə", 6), new("Gülşən", 4),
        new("Vəfa", 4), new("Könül", 4), new("Samirə", 6), new("Asya", 10), new("Lənə", 6), new("Zərifə", 3),
        new("Əminə", 10), new("Rəhilə", 6), new("Xanım", 6), new("Sara", 10),
    ];

    public static readonly Weighted[] Men =
    [
        new("Elşən", 20), new("Vüqar", 20), new("Rövşən", 18), new("Elçin", 20), new("Anar", 22), new("Namiq", 14),
        new("Rauf", 16), new("Tofiq", 8), new("Arif", 10), new("Mahir", 14), new("Rəşad", 22), new("Elvin", 18),
        new("Tural", 16), new("Samir", 18), new("Vüsal", 18), new("Ramil", 14), new("Kamran", 14), new("Elnur", 16),
        new("Fuad", 14), new("Zaur", 16), new("Ceyhun", 12), new("Nicat", 8), new("Orxan", 14), new("Emin", 10),
        new("Ruslan", 10), new("Seymur", 14), new("Pərviz", 10), new("Aqil", 10), new("Fərhad", 10), new("Eldar", 10),
        new("Əli", 18), new("Hüseyn", 12), new("Məhəmməd", 8), new("Həsən", 10), new("İlham", 14), new("Mehman", 8),
        new("Akif", 8), new("Elxan", 12), new("Etibar", 6), new("Ramiz", 8), new("Məzahir", 6), new("Novruz", 6),
        new("Sabir", 8), new("Vaqif", 8), new("Zakir", 8), new("Vahid", 8), new("Telman", 4), new("Fikrət", 6),
        new("Yaşar", 6), new("Şamil", 6), new("Mübariz", 6), new("Nizami", 6), new("Rasim", 8), new("Elmar", 8),
        new("Taleh", 10), new("Cavid", 6), new("Kənan", 6), new("Rəhim", 6), new("Səbuhi", 8), new("Nurlan", 8),
        new("Vəli", 6), new("Qurban", 6), new("Bəhruz", 8), new("Azər", 14), new("Araz", 10),
        new("İlqar", 12), new("Mirzə", 4), new("Əflatun", 3), new("Sahib", 6), new("Şahin", 8), new("Müşfiq", 6),
    ];

    public static readonly Weighted[] Women =
    [
        new("Sevinc", 20), new("Gülnarə", 14), new("Aygün", 18), new("Könül", 18), new("Lalə", 14), new("Ülkər", 12),
        new("Nərgiz", 14), new("Samirə", 12), new("Sevda", 14), new("Xədicə", 8), new("Zərifə", 6), new("Tamilla", 6),
        new("Rəna", 10), new("Esmira", 8), new("Gülşən", 10), new("Mehriban", 10), new("Aynur", 16), new("Afaq", 8),
        new("Aidə", 6), new("Səadət", 6), new("Nigar", 14), new("Şəbnəm", 12), new("Vüsalə", 10), new("Kəmalə", 10),
        new("Nurlanə", 8), new("Günel", 14), new("Türkan", 8), new("Sona", 6), new("Mələk", 6), new("Aytən", 14),
        new("Aysel", 14), new("Leyla", 14), new("Fatimə", 8), new("Zəhra", 4), new("Səbinə", 12), new("Nərmin", 12),
        new("Günay", 14), new("Ülviyyə", 10), new("Elnarə", 10), new("Elmira", 8), new("Fəridə", 6), new("Röya", 8),
        new("Arzu", 8), new("Yeganə", 8), new("Təranə", 8), new("Zemfira", 6), new("Məlahət", 6), new("Sədaqət", 6),
        new("Ofelya", 4), new("Rəqsanə", 4), new("Dilarə", 4), new("Xatirə", 8), new("Şəlalə", 6), new("Vəfa", 6),
        new("Gülarə", 6), new("Nailə", 8), new("Zülfiyyə", 6), new("Məhbubə", 4), new("Rəhilə", 4), new("İradə", 8),
    ];

    private static Surname Ov(string male, string? cyrillic, int weight) => new(male, male + "a", cyrillic, weight);
    private static Surname Same(string name, string? cyrillic, int weight) => new(name, name, cyrillic, weight);

    /// <summary>Surname stems, skewed like reality: a handful of -ov/-yev names cover a large share of the population.</summary>
    public static readonly Surname[] Surnames =
    [
        Ov("Məmmədov", "Мамедов", 150), Ov("Əliyev", "Алиев", 120), Ov("Həsənov", "Гасанов", 70), Ov("Hüseynov", "Гусейнов", 70),
        Ov("Quliyev", "Кулиев", 50), Ov("İsmayılov", "Исмаилов", 45), Ov("Abbasov", "Аббасов", 30), Ov("Rəhimov", "Рагимов", 25),
        Ov("Cəfərov", "Джафаров", 30), Ov("Bağırov", "Багиров", 25), Ov("Orucov", "Оруджев", 15), Ov("Qasımov", "Касумов", 30),
        Ov("Kərimov", "Керимов", 28), Ov("Əhmədov", "Ахмедов", 30), Ov("Sadıqov", "Садыхов", 14), Ov("Nəsirov", "Насиров", 12),
        Ov("Səfərov", "Сафаров", 16), Ov("Rzayev", "Рзаев", 18), Ov("Şükürov", "Шукюров", 8), Ov("Bayramov", "Байрамов", 18),
        Ov("Nağıyev", "Нагиев", 14), Ov("Tağıyev", "Тагиев", 14), Ov("Rüstəmov", "Рустамов", 14), Ov("Mirzəyev", "Мирзоев", 16),
        Ov("Xəlilov", "Халилов", 14), Ov("Qurbanov", "Курбанов", 18), Ov("Səmədov", "Самедов", 10), Ov("Əzizov", "Азизов", 12),
        Ov("Novruzov", "Новрузов", 10), Ov("İbrahimov", "Ибрагимов", 22), Ov("Musayev", "Мусаев", 20), Ov("Süleymanov", "Сулейманов", 14),
        Ov("Hacıyev", "Гаджиев", 18), Ov("Zeynalov", "Зейналов", 12), Ov("Əsgərov", "Аскеров", 14), Ov("Məhərrəmov", "Магеррамов", 14),
        Ov("Yusifov", "Юсифов", 12), Ov("İmanov", "Иманов", 8), Ov("Salmanov", "Салманов", 8), Ov("Allahverdiyev", "Аллахвердиев", 12),
        Ov("Ağayev", "Агаев", 14), Ov("Rəsulov", "Расулов", 12), Ov("Eyvazov", "Эйвазов", 8), Ov("Paşayev", "Пашаев", 10),
        Ov("Sultanov", "Султанов", 10), Ov("Məlikov", "Меликов", 8), Ov("Əkbərov", "Акперов", 8), Ov("Kazımov", "Кязимов", 10),
        Ov("Həmidov", "Гамидов", 8), Ov("Şirinov", "Ширинов", 6), Ov("Hümbətov", "Гумбатов", 6), Ov("Nəbiyev", "Набиев", 10),
        Ov("Cavadov", "Джавадов", 8), Ov("Qafarov", "Гафаров", 8), Ov("Mehdiyev", "Мехтиев", 10), Ov("Rəcəbov", "Раджабов", 8),
        Ov("Abdullayev", "Абдуллаев", 16), Ov("Babayev", "Бабаев", 16), Ov("Vəliyev", "Велиев", 18), Ov("Muradov", "Мурадов", 10),
        Ov("Heydərov", "Гейдаров", 10), Ov("Osmanov", "Османов", 6), Ov("Əsədov", "Асадов", 8), Ov("Nuriyev", "Нуриев", 10),
        Ov("Ələkbərov", "Алекперов", 8), Ov("Soltanov", "Солтанов", 6), Ov("Mikayılov", "Микаилов", 6), Ov("İsgəndərov", "Искендеров", 6),
        Ov("Qədirov", "Гадиров", 6), Ov("Tahirov", "Тагиров", 6), Ov("Camalov", "Джамалов", 6), Ov("Fərzəliyev", "Фарзалиев", 6),
        Ov("Hidayətov", "Гидаятов", 4), Ov("Mustafayev", "Мустафаев", 12), Ov("Qənbərov", "Ганбаров", 6), Ov("Məmişov", "Мамишов", 4),
        Ov("Şahbazov", "Шахбазов", 4), Ov("Zülfüqarov", "Зульфугаров", 4), Ov("Ələsgərov", "Алескеров", 6), Ov("Səlimov", "Салимов", 6),
        Same("Məmmədli", null, 10), Same("Hüseynli", null, 8), Same("Nəsibli", null, 6), Same("Bayramlı", null, 6),
        Same("Qurbanlı", null, 6), Same("Sultanlı", null, 5), Same("Əliyarlı", null, 4), Same("Köçərli", null, 4),
        Same("Oruclu", null, 4), Same("Şükürlü", null, 3), Same("Dursunlu", null, 3), Same("Çobanlı", null, 3),
        Same("Əmirli", null, 4), Same("Cəfərli", null, 5), Same("Qasımlı", null, 5), Same("Əhmədli", null, 5),
        Same("Həsənli", null, 5), Same("Abbaslı", null, 4), Same("Kərimli", null, 5), Same("Zeynallı", null, 4),
        Same("Əlizadə", "Ализаде", 10), Same("Həsənzadə", "Гасанзаде", 6), Same("Quluzadə", "Кулизаде", 5), Same("Rəsulzadə", "Расулзаде", 4),
        Same("Hacızadə", "Гаджизаде", 4), Same("Mirzəzadə", "Мирзазаде", 4), Same("Sultanzadə", "Султанзаде", 3), Same("Axundzadə", "Ахундзаде", 3),
        Same("Şirinzadə", "Ширинзаде", 3), Same("Mehdizadə", "Мехтизаде", 4),
    ];

    /// <summary>Usual Russian spellings of given names where the rule-based transliteration would differ.</summary>
    public static readonly Dictionary<string, string> CyrillicGivenNames = new(StringComparer.Ordinal)
    {
        ["Məhəmməd"] = "Магомед", ["Kənan"] = "Кенан", ["Ülviyyə"] = "Ульвия", ["Lamiyə"] = "Ламия", ["Zəhra"] = "Захра",
        ["Əbülfəz"] = "Абульфаз", ["Mikayıl"] = "Микаил", ["İsmayıl"] = "Исмаил", ["Ülvi"] = "Ульви", ["Ayşə"] = "Айше",
        ["Məryəm"] = "Марьям", ["Zeynəb"] = "Зейнаб", ["Xədicə"] = "Хадиджа", ["Rəhim"] = "Рагим", ["Kərim"] = "Керим",
        ["Elşən"] = "Эльшан", ["Vüqar"] = "Вугар", ["Rövşən"] = "Ровшан", ["Zülfiyyə"] = "Зульфия", ["Yaqub"] = "Якуб",
        ["Toğrul"] = "Тогрул", ["Əmir"] = "Амир", ["Əli"] = "Али", ["Hüseyn"] = "Гусейн", ["Həsən"] = "Гасан",
    };

    /// <summary>Street names for addresses.</summary>
    public static readonly string[] Streets =
    [
        "Nizami", "Füzuli", "Azadlıq pr.", "Heydər Əliyev pr.", "Səməd Vurğun", "Şah İsmayıl Xətai", "Hüseyn Cavid", "Natəvan",
        "Bülbül", "Neftçilər pr.", "Cəfər Cabbarlı", "Üzeyir Hacıbəyov", "Məhəmməd Füzuli", "Rəsul Rza", "Zərifə Əliyeva",
        "Mirzə Fətəli Axundov", "Abbas Səhhət", "Xəqani", "Nəriman Nərimanov", "Qara Qarayev", "Şəhriyar", "Vaqif",
        "Sabir", "Cəlil Məmmədquluzadə", "Əhməd Cavad", "Tbilisi pr.", "Atatürk pr.", "Gənclik", "Zərdabi", "Bakıxanov",
        "Səttar Bəhlulzadə", "Mikayıl Müşfiq", "Süleyman Rəhimov", "İstiqlaliyyət", "28 May", "20 Yanvar", "Dədə Qorqud",
        "Koroğlu", "Babək", "Cavanşir", "Yeni Həyat", "Şəhidlər",
    ];

    /// <summary>Village names (without "kəndi"), for rural households.</summary>
    public static readonly string[] Villages =
    [
        "Təzəkənd", "Yenikənd", "Qışlaq", "Çaylı", "Bəylər", "Qaraçanlı", "Əliabad", "Yeniyol", "Sarıcalı", "Qarabucaq",
        "Bəhmənli", "Mollakənd", "Ağalı", "Hacılar", "Kürdlər", "Dəllər", "Qarabağlar", "Mirzəcamallı", "Qızılkənd", "Göyçəli",
        "Şıxlı", "Qaralar", "Xanbulaq", "Düzənlik", "Aşıqlı", "Bəydili", "Qarağac", "Çinarlı", "Armudlu", "Alməli",
        "Qəmərli", "Dəmirçilər", "Cəfərli", "Hüseynbəyli", "Şərifli", "Bala Bəhmənli", "Kəpənəkçi", "Sarıhacılı", "Qaratəpə",
        "Seyidli", "Qubalı", "Ərəbli", "Kosalar", "Quşçu", "Mahmudlu", "Dağkənd", "Bulaqlı", "Çaykənd", "Pirili", "Əmirli",
    ];

    public static readonly string[] Prefixes = ["Yuxarı ", "Aşağı ", "Yeni ", "Köhnə "];

    public static readonly string[] MobilePrefixes = ["50", "51", "55", "70", "77", "99", "10"];
}
