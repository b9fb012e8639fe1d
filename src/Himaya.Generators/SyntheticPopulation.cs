using System.Buffers.Binary;
using System.Globalization;

namespace Himaya.Generators;

/// <summary>
/// A synthetic but plausible population of children in households, for demos and load tests. Pure and deterministic:
/// the same arguments give the same records, ids included (ids depend on the seed and the position only, so a second
/// load of the same seed can be detected by its first household id). Streams: nothing is kept between households
/// except a few counters, so millions of children cost no memory.
/// </summary>
public static class SyntheticPopulation
{
    /// <summary>Share of children whose names were typed in Russian Cyrillic / English-style Latin / Russian-style Latin.</summary>
    internal const double CyrillicShare = 0.02, EnglishLatinShare = 0.015, RussianLatinShare = 0.015;

    /// <summary>Generates <paramref name="children"/> children in households spread over the leaf districts given.</summary>
    /// <param name="children">Exactly this many children are generated (the last household may be smaller).</param>
    /// <param name="seed">Same seed, same data.</param>
    /// <param name="districts">Administrative units; only leaf districts (<see cref="Place.IsLeafDistrict"/>) are used.</param>
    /// <param name="today">Ages are computed against this date (every child is under 18 on it).</param>
    /// <param name="minimumChildren">Optional: districts that must get at least this many children (generated first).</param>
    public static IEnumerable<SyntheticHousehold> Generate(int children, int seed, IReadOnlyList<Place> districts, DateOnly today,
        IReadOnlyDictionary<string, int>? minimumChildren = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(children);
        ArgumentNullException.ThrowIfNull(districts);
        var leaves = districts.Where(d => d.IsLeafDistrict).OrderBy(d => d.Code, StringComparer.Ordinal).ToList();
        if (leaves.Count == 0) throw new ArgumentException("No leaf districts to place children in.", nameof(districts));
        var quotas = new List<(DistrictProfile District, int Children)>();
        if (minimumChildren is not null)
        {
            foreach (var (code, min) in minimumChildren.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                var unit = leaves.FirstOrDefault(d => d.Code == code)
                    ?? throw new ArgumentException($"'{code}' is not one of the leaf districts given.", nameof(minimumChildren));
                if (min > 0) quotas.Add((new DistrictProfile(unit), min));
            }
        }
        return new Generator(children, seed, leaves, today, quotas).Run();
    }

    /// <summary>Built-in population weights (thousands of inhabitants, rounded) per district code of az-admin-units.csv.</summary>
    internal static readonly IReadOnlyDictionary<string, double> PopulationWeights = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        // Baku city districts: together about a quarter of the country.
        ["BAK-BIN"] = 270, ["BAK-QAR"] = 130, ["BAK-XAT"] = 300, ["BAK-XEZ"] = 170, ["BAK-NAR"] = 190, ["BAK-NES"] = 230,
        ["BAK-NIZ"] = 200, ["BAK-SAB"] = 270, ["BAK-SEB"] = 100, ["BAK-SUR"] = 230, ["BAK-YAS"] = 260, ["BAK-PIR"] = 25,
        ["C-NAX"] = 95, ["R-BAB"] = 75, ["R-CUL"] = 46, ["R-KEN"] = 31, ["R-ORD"] = 49, ["R-SED"] = 17, ["R-SAH"] = 26, ["R-SER"] = 117,
        ["C-SUM"] = 460, ["R-ABS"] = 225, ["R-XIZ"] = 17,
        ["R-AGS"] = 82, ["R-ISM"] = 90, ["R-QOB"] = 50, ["R-SAM"] = 105,
        ["C-GAN"] = 335, ["C-NAF"] = 10, ["R-DAS"] = 35, ["R-GOR"] = 107, ["R-GOY"] = 65, ["R-SMX"] = 60,
        ["C-XAN"] = 5, ["R-AGC"] = 135, ["R-AGD"] = 110, ["R-BAR"] = 160, ["R-FUZ"] = 50, ["R-XOC"] = 3, ["R-XCV"] = 4, ["R-SUS"] = 4, ["R-TER"] = 106,
        ["R-AGT"] = 90, ["R-GED"] = 102, ["R-QAZ"] = 100, ["R-SMK"] = 220, ["R-TOV"] = 182,
        ["R-XAC"] = 175, ["R-QUB"] = 170, ["R-QUS"] = 100, ["R-SIY"] = 42, ["R-SAB"] = 60,
        ["C-LAN"] = 90, ["R-AST"] = 110, ["R-CEL"] = 215, ["R-LER"] = 85, ["R-MAS"] = 225, ["R-YAR"] = 62, ["R-LAN"] = 145,
        ["C-MIN"] = 107, ["C-YEV"] = 68, ["R-AGD2"] = 110, ["R-GOC"] = 125, ["R-KUR"] = 115, ["R-UCA"] = 90, ["R-YEV"] = 65, ["R-ZER"] = 58,
        ["R-BEY"] = 100, ["R-IMI"] = 125, ["R-SAA"] = 110, ["R-SBR"] = 175,
        ["C-SEK"] = 70, ["R-SEK"] = 115, ["R-BAL"] = 100, ["R-QAX"] = 60, ["R-QEB"] = 105, ["R-OGU"] = 45, ["R-ZAQ"] = 130,
        ["R-CEB"] = 3, ["R-KEL"] = 3, ["R-QUB2"] = 2, ["R-LAC"] = 5, ["R-ZEN"] = 3,
        ["C-SIR"] = 88, ["R-BIL"] = 105, ["R-HAC"] = 75, ["R-NEF"] = 90, ["R-SAL"] = 140,
    };

    /// <summary>Share of households displaced by the conflict (IDP status), where it differs from the default.</summary>
    private static readonly Dictionary<string, double> IdpShare = new(StringComparer.Ordinal)
    {
        ["BAK-BIN"] = 0.10, ["BAK-SAB"] = 0.10, ["BAK-SUR"] = 0.10, ["BAK-XAT"] = 0.10, ["BAK-QAR"] = 0.10,
        ["C-SUM"] = 0.09, ["C-GAN"] = 0.06, ["C-MIN"] = 0.08, ["C-YEV"] = 0.10, ["R-YEV"] = 0.08,
        ["R-BAR"] = 0.18, ["R-AGC"] = 0.18, ["R-BEY"] = 0.15, ["R-GOR"] = 0.16, ["R-TER"] = 0.12, ["R-AGD"] = 0.25, ["R-FUZ"] = 0.25,
        ["R-IMI"] = 0.12, ["R-SAA"] = 0.10, ["R-SBR"] = 0.10, ["C-NAF"] = 0.10,
        // Liberated districts: the families living there now are mostly returning IDPs.
        ["C-XAN"] = 0.70, ["R-XOC"] = 0.70, ["R-XCV"] = 0.70, ["R-SUS"] = 0.70, ["R-CEB"] = 0.70, ["R-KEL"] = 0.70,
        ["R-QUB2"] = 0.70, ["R-LAC"] = 0.70, ["R-ZEN"] = 0.70,
    };

    /// <summary>Share of (non-IDP) households affected by the conflict (front-line districts, shelling in 2020).</summary>
    private static readonly Dictionary<string, double> ConflictAffectedShare = new(StringComparer.Ordinal)
    {
        ["R-TER"] = 0.30, ["R-AGD"] = 0.30, ["R-FUZ"] = 0.25, ["R-GOR"] = 0.15, ["R-BAR"] = 0.15, ["R-AGC"] = 0.08, ["R-BEY"] = 0.05,
        ["C-GAN"] = 0.03, ["R-TOV"] = 0.08, ["R-AGT"] = 0.05, ["R-QAZ"] = 0.05, ["R-GED"] = 0.05, ["C-NAF"] = 0.05,
        ["C-XAN"] = 0.20, ["R-XOC"] = 0.20, ["R-XCV"] = 0.20, ["R-SUS"] = 0.20, ["R-CEB"] = 0.20, ["R-KEL"] = 0.20,
        ["R-QUB2"] = 0.20, ["R-LAC"] = 0.20, ["R-ZEN"] = 0.20,
    };

    internal sealed class DistrictProfile
    {
        public DistrictProfile(Place unit)
        {
            Unit = unit;
            Weight = PopulationWeights.TryGetValue(unit.Code, out var w) ? w : unit.Kind switch
            {
                "city_district" => 150,
                "city" => 60,
                "rayon" => 80,
                _ => 50,
            };
            UrbanShare = unit.Kind switch
            {
                "city_district" => 0.97,
                "city" => 0.92,
                _ => unit.Code == "R-ABS" ? 0.6 : 0.35,
            };
            Idp = IdpShare.TryGetValue(unit.Code, out var idp) ? idp : unit.Kind == "city_district" ? 0.06 : 0.02;
            ConflictAffected = ConflictAffectedShare.GetValueOrDefault(unit.Code);
            var name = unit.NameAz;
            foreach (var suffix in (string[])[" rayonu", " şəhəri"])
                if (name.EndsWith(suffix, StringComparison.Ordinal)) name = name[..^suffix.Length];
            TownName = unit.Kind == "city_district" ? "Bakı" : name;
            Schools = unit.Kind switch { "city_district" => 320, "city" => 60, _ => 25 };
        }

        public Place Unit { get; }
        public double Weight { get; }
        public double UrbanShare { get; }
        public double Idp { get; }
        public double ConflictAffected { get; }
        public string TownName { get; }
        public int Schools { get; }
    }

    private enum HouseholdKind { Family, Kinship, Foster }

    private enum Person { Father, Mother, PaternalGrandfather, PaternalGrandmother, MaternalGrandmother, Grandfather, Grandmother, Aunt, AuntsHusband, FosterFather, FosterMother }

    private sealed class Adult(Person role, string fullName, Sex sex, int birthYear)
    {
        public Person Role { get; } = role;
        public string FullName { get; } = fullName;
        public Sex Sex { get; } = sex;
        public int BirthYear { get; } = birthYear;
    }

    private static readonly FunctioningDomain[] Domains2To4 =
    [
        FunctioningDomain.Seeing, FunctioningDomain.Hearing, FunctioningDomain.Walking, FunctioningDomain.FineMotor,
        FunctioningDomain.Communication, FunctioningDomain.Learning, FunctioningDomain.Playing, FunctioningDomain.ControllingBehaviour,
    ];

    private static readonly FunctioningDomain[] Domains5To17 =
    [
        FunctioningDomain.Seeing, FunctioningDomain.Hearing, FunctioningDomain.Walking, FunctioningDomain.SelfCare,
        FunctioningDomain.Communication, FunctioningDomain.Learning, FunctioningDomain.Remembering, FunctioningDomain.Concentrating,
        FunctioningDomain.AcceptingChange, FunctioningDomain.ControllingBehaviour, FunctioningDomain.MakingFriends,
        FunctioningDomain.Anxiety, FunctioningDomain.Depression,
    ];

    private const string FinAlphabet = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ"; // no I, no O
    private const ulong FinSpace = 52_523_350_144; // 34^7
    private const ulong CertificateSpace = 10_000_000;

    private sealed class Generator(int total, int seed, List<Place> leaves, DateOnly today, List<(DistrictProfile District, int Children)> quotas)
    {
        private readonly Rng _rng = new(Rng.Mix((ulong)(uint)seed ^ 0x5EED_0000_0000_0000UL));
        private readonly ulong _idTag = Rng.Mix((ulong)(uint)seed ^ 0x1D00_0000_0000_0000UL) >> 36; // 28 bits
        private readonly ulong _idKey = Rng.Mix((ulong)(uint)seed ^ 0x1D11_0000_0000_0000UL);
        private readonly ulong _finKey = Rng.Mix((ulong)(uint)seed ^ 0xF100_0000_0000_0000UL);
        private readonly ulong _certKey = Rng.Mix((ulong)(uint)seed ^ 0xCE00_0000_0000_0000UL);
        private readonly Dictionary<(string, SpellingStyle, bool), string> _spellingCache = [];
        private ulong _nextId;
        private ulong _fins;
        private ulong _certificates;

        private readonly Table<DistrictProfile> _districts = new(leaves.Select(u => new DistrictProfile(u)).Select(p => (p, p.Weight)));
        private readonly Table<string> _boys = new(NameLists.Boys.Select(n => (n.Name, (double)n.Weight)));
        private readonly Table<string> _girls = new(NameLists.Girls.Select(n => (n.Name, (double)n.Weight)));
        private readonly Table<string> _men = new(NameLists.Men.Select(n => (n.Name, (double)n.Weight)));
        private readonly Table<string> _women = new(NameLists.Women.Select(n => (n.Name, (double)n.Weight)));
        private readonly Table<NameLists.Surname> _surnames = new(NameLists.Surnames.Select(s => (s, (double)s.Weight)));
        private readonly Table<int> _childCount = new([(1, 30), (2, 38), (3, 22), (4, 7), (5, 3)]);

        public IEnumerable<SyntheticHousehold> Run()
        {
            var left = total;
            var quotaLeft = quotas.Select(q => q.Children).ToArray();
            while (left > 0)
            {
                DistrictProfile district;
                var q = Array.FindIndex(quotaLeft, n => n > 0);
                district = q >= 0 ? quotas[q].District : _districts.Pick(_rng);
                var generated = MakeHousehold(district, left);
                left -= generated.Children.Count;
                if (q >= 0) quotaLeft[q] -= generated.Children.Count;
                yield return generated;
            }
        }

        private Guid NextId()
        {
            // UUID version 8 (custom layout): seed tag and sequence number first, so that one load appends to the end of the
            // primary-key indexes instead of scattering; the last 62 bits are random (from the seed and the sequence).
            var k = _nextId++;
            var p = (_idTag << 32) | (k & 0xFFFF_FFFF);
            var hi = ((p >> 12) << 16) | 0x8000UL | (p & 0xFFF);
            var lo = (Rng.Mix(_idKey ^ k) & 0x3FFF_FFFF_FFFF_FFFFUL) | 0x8000_0000_0000_0000UL;
            Span<byte> b = stackalloc byte[16];
            BinaryPrimitives.WriteUInt64BigEndian(b, hi);
            BinaryPrimitives.WriteUInt64BigEndian(b[8..], lo);
            return new Guid(b, bigEndian: true);
        }

        private SyntheticHousehold MakeHousehold(DistrictProfile d, int maxChildren)
        {
            var rng = _rng;
            var kindRoll = rng.NextDouble();
            var kind = kindRoll < 0.026 ? HouseholdKind.Kinship : kindRoll < 0.029 ? HouseholdKind.Foster : HouseholdKind.Family;
            var count = kind switch
            {
                HouseholdKind.Foster => rng.Next(1, 3),
                HouseholdKind.Kinship => rng.Next(1, 4),
                _ => _childCount.Pick(rng),
            };
            count = Math.Min(count, maxChildren);

            var urban = rng.Chance(d.UrbanShare);
            var idp = rng.Chance(d.Idp);
            var displacement = idp ? Displacement.Idp : rng.Chance(d.ConflictAffected) ? Displacement.ConflictAffected : Displacement.None;
            var village = urban ? null : Village();

            // Children's birth dates first: the adults' ages follow from them.
            var span = today.DayNumber - today.AddYears(-18).DayNumber;
            var births = new DateOnly[count];
            for (var i = 0; i < count; i++)
            {
                if (i > 0 && rng.Chance(0.015)) { births[i] = births[i - 1]; continue; } // twins
                var day = 0;
                for (var attempt = 0; attempt < 20; attempt++)
                {
                    day = today.DayNumber - rng.Next(span);
                    var clash = false;
                    for (var j = 0; j < i; j++) clash |= Math.Abs(births[j].DayNumber - day) < 300;
                    if (!clash) break;
                }
                births[i] = DateOnly.FromDayNumber(day);
            }
            Array.Sort(births);
            var eldestYear = births[0].Year;
            var youngestYear = births[^1].Year;

            // Family names: the children carry the father's surname and his given name in their patronymic.
            var surname = _surnames.Pick(rng);
            var father = _men.Pick(rng);
            var adults = new List<Adult>(5);
            Person head;
            var singleMother = false;
            var motherSurname = surname;
            switch (kind)
            {
                case HouseholdKind.Family:
                    {
                        var shape = rng.NextDouble();
                        var hasFather = shape >= 0.13; // 13% single mothers
                        var hasMother = shape < 0.97; // 3% single fathers
                        singleMother = !hasFather;
                        var motherYear = eldestYear - rng.Next(19, Math.Max(20, 44 - (youngestYear - eldestYear)) + 1);
                        var fatherYear = motherYear - rng.Next(0, 9);
                        var grandfather = _men.Pick(rng);
                        if (hasFather) adults.Add(new Adult(Person.Father, Full(surname, false, father, grandfather, false), Sex.M, fatherYear));
                        if (hasMother)
                        {
                            var maiden = rng.Chance(0.45) && hasFather ? surname : _surnames.Pick(rng);
                            motherSurname = maiden;
                            adults.Add(new Adult(Person.Mother, Full(maiden, true, _women.Pick(rng), _men.Pick(rng), true), Sex.F, motherYear));
                        }
                        if (hasFather && rng.Chance(0.22))
                        {
                            var gfYear = fatherYear - rng.Next(22, 33);
                            var who = rng.NextDouble();
                            if (who >= 0.45) adults.Add(new Adult(Person.PaternalGrandfather, Full(surname, false, grandfather, _men.Pick(rng), false), Sex.M, gfYear));
                            if (who < 0.85)
                                adults.Add(new Adult(Person.PaternalGrandmother, Full(rng.Chance(0.5) ? surname : _surnames.Pick(rng), true, _women.Pick(rng), _men.Pick(rng), true),
                                    Sex.F, gfYear + rng.Next(0, 7)));
                        }
                        else if (!hasFather && rng.Chance(0.35))
                        {
                            adults.Add(new Adult(Person.MaternalGrandmother, Full(_surnames.Pick(rng), true, _women.Pick(rng), _men.Pick(rng), true), Sex.F, motherYear - rng.Next(20, 31)));
                        }
                        head = !hasFather ? Person.Mother
                            : adults.Exists(a => a.Role == Person.PaternalGrandfather) && rng.Chance(0.6) ? Person.PaternalGrandfather
                            : hasMother && rng.Chance(0.05) ? Person.Mother
                            : Person.Father;
                        break;
                    }
                case HouseholdKind.Kinship:
                    {
                        var roll = rng.NextDouble();
                        var year = eldestYear - rng.Next(40, 56);
                        if (roll < 0.85)
                        {
                            // Grandparents (paternal more often: the children keep the family surname).
                            var paternal = rng.Chance(0.7);
                            var gSurname = paternal ? surname : _surnames.Pick(rng);
                            var withGrandfather = rng.Chance(0.55);
                            if (withGrandfather) adults.Add(new Adult(Person.Grandfather, Full(gSurname, false, _men.Pick(rng), _men.Pick(rng), false), Sex.M, year));
                            adults.Add(new Adult(Person.Grandmother, Full(rng.Chance(0.5) ? gSurname : _surnames.Pick(rng), true, _women.Pick(rng), _men.Pick(rng), true), Sex.F, year + rng.Next(0, 7)));
                            head = withGrandfather ? Person.Grandfather : Person.Grandmother;
                        }
                        else
                        {
                            var auntYear = eldestYear - rng.Next(22, 36);
                            adults.Add(new Adult(Person.Aunt, Full(_surnames.Pick(rng), true, _women.Pick(rng), _men.Pick(rng), true), Sex.F, auntYear));
                            if (rng.Chance(0.7)) adults.Add(new Adult(Person.AuntsHusband, Full(_surnames.Pick(rng), false, _men.Pick(rng), _men.Pick(rng), false), Sex.M, auntYear - rng.Next(0, 8)));
                            head = Person.Aunt;
                            if (adults.Count > 1 && rng.Chance(0.8)) head = Person.AuntsHusband;
                        }
                        break;
                    }
                default:
                    {
                        var year = eldestYear - rng.Next(25, 41);
                        var fosterSurname = _surnames.Pick(rng);
                        var couple = rng.Chance(0.8);
                        if (couple) adults.Add(new Adult(Person.FosterFather, Full(fosterSurname, false, _men.Pick(rng), _men.Pick(rng), false), Sex.M, year));
                        adults.Add(new Adult(Person.FosterMother, Full(rng.Chance(0.5) && couple ? fosterSurname : _surnames.Pick(rng), true, _women.Pick(rng), _men.Pick(rng), true), Sex.F, year + rng.Next(0, 6)));
                        head = couple ? Person.FosterFather : Person.FosterMother;
                        break;
                    }
            }

            var headAdult = adults.Find(a => a.Role == head)!;
            var id = NextId();
            var residence = urban ? Residence.Urban : Residence.Rural;
            var address = Address(urban, village);
            var members = adults.ConvertAll(a => new SyntheticMember(a.FullName, RelationshipToHead(a.Role, head), a.Sex, a.BirthYear, a.Role == head));

            // Housing.
            var rooms = urban ? 1 + Pick(rng, 0.10, 0.35, 0.35, 0.15) : 2 + Pick(rng, 0.20, 0.35, 0.25, 0.12);
            int? roomsRecorded = rng.Chance(0.04) ? null : rooms;
            var people = adults.Count + count + (rng.Chance(0.08) ? 1 : 0);
            WaterSource? water = rng.Chance(0.04) ? null : urban
                ? (WaterSource)Pick(rng, 0.95, 0, 0, 0, 0.03)
                : (WaterSource)Pick(rng, 0.55, 0.25, 0.08, 0.04, 0.05);
            Sanitation? sanitation = rng.Chance(0.04) ? null : urban
                ? (Sanitation)Pick(rng, 0.90, 0.08, 0.02)
                : (Sanitation)Pick(rng, 0.45, 0.10, 0.40);
            var tsa = (urban ? 0.05 : 0.11) * (count >= 4 ? 1.5 : 1) * (singleMother ? 1.6 : 1) * (idp ? 0.8 : 1);
            bool? receivesTsa = rng.Chance(0.03) ? null : rng.Chance(tsa);
            var otherIncomeSupport = idp && rng.Chance(0.8) ? "Məcburi köçkün müavinəti"
                : singleMother && rng.Chance(0.2) ? "Ailə başçısını itirməyə görə pensiya"
                : null;

            // A single mother sometimes gives the children her own surname.
            var childrenSurname = singleMother && rng.Chance(0.3) ? motherSurname : surname;
            var list = new List<SyntheticChild>(count);
            for (var i = 0; i < count; i++)
            {
                var child = MakeChild(d, id, receivesTsa, kind, head, headAdult, adults, childrenSurname, father, births[i], urban, village, displacement);
                if (child.HasFunctionalDifficulty && otherIncomeSupport is null && rng.Chance(0.6))
                    otherIncomeSupport = "Sağlamlıq imkanları məhdud uşağa görə müavinət";
                list.Add(child);
            }
            return new SyntheticHousehold
            {
                Id = id,
                DistrictCode = d.Unit.Code,
                Residence = residence,
                Settlement = village ?? d.TownName,
                Address = address,
                HeadName = headAdult.FullName,
                Members = members,
                Rooms = roomsRecorded,
                People = people,
                WaterSource = water,
                Sanitation = sanitation,
                ReceivesTsa = receivesTsa,
                OtherIncomeSupport = otherIncomeSupport,
                Children = list,
            };
        }

        private SyntheticChild MakeChild(DistrictProfile d, Guid householdId, bool? householdTsa, HouseholdKind kind, Person head, Adult headAdult,
            List<Adult> adults, NameLists.Surname surname, string father, DateOnly birth, bool urban, string? village, Displacement displacement)
        {
            var rng = _rng;
            var female = !rng.Chance(0.52);
            var given = female ? _girls.Pick(rng) : _boys.Pick(rng);
            var styleRoll = rng.NextDouble();
            var style = styleRoll < CyrillicShare ? SpellingStyle.Cyrillic
                : styleRoll < CyrillicShare + EnglishLatinShare ? SpellingStyle.EnglishLatin
                : styleRoll < CyrillicShare + EnglishLatinShare + RussianLatinShare ? SpellingStyle.RussianLatin
                : SpellingStyle.Native;
            // Foster children keep their own family's names.
            var childSurname = kind == HouseholdKind.Foster ? _surnames.Pick(rng) : surname;
            var childFather = kind == HouseholdKind.Foster ? _men.Pick(rng) : father;
            var age = today.Year - birth.Year - (birth.AddYears(today.Year - birth.Year) > today ? 1 : 0);
            var id = NextId();
            var estimated = rng.Chance(kind == HouseholdKind.Family ? 0.01 : 0.08);

            // Care arrangement: kinship and foster follow the household; the rest per child.
            var difficulty = age >= 2 && rng.Chance(0.033);
            var care = kind switch
            {
                HouseholdKind.Kinship => CareArrangement.Kinship,
                HouseholdKind.Foster => CareArrangement.Foster,
                _ => PerChildCare(age, difficulty),
            };

            // Functioning (Child Functioning Module, asked of some children aged 2+; always of those with a difficulty).
            Dictionary<FunctioningDomain, Difficulty>? answers = null;
            bool? officialDisability;
            string? disabilityCategory = null;
            if (age >= 2 && (difficulty || rng.Chance(0.22)))
            {
                var domains = age <= 4 ? Domains2To4 : Domains5To17;
                answers = new Dictionary<FunctioningDomain, Difficulty>(domains.Length);
                foreach (var dom in domains) answers[dom] = rng.Chance(difficulty ? 0.15 : 0.07) ? Difficulty.Some : Difficulty.None;
                FunctioningDomain? primary = null;
                if (difficulty)
                {
                    var n = 1 + Pick(rng, 0.60, 0.25, 0.15);
                    for (var k = 0; k < n; k++)
                    {
                        var dom = domains[rng.Next(domains.Length)];
                        primary ??= dom;
                        answers[dom] = rng.Chance(0.7) ? Difficulty.ALot : Difficulty.CannotDoAtAll;
                    }
                }
                if (difficulty && rng.Chance(0.45))
                {
                    officialDisability = true;
                    disabilityCategory = primary switch
                    {
                        FunctioningDomain.Seeing => "visual",
                        FunctioningDomain.Hearing => "hearing",
                        FunctioningDomain.Walking or FunctioningDomain.FineMotor or FunctioningDomain.SelfCare => "physical",
                        FunctioningDomain.Communication => "speech",
                        FunctioningDomain.Learning or FunctioningDomain.Remembering or FunctioningDomain.Concentrating => "intellectual",
                        _ => "psychosocial",
                    };
                }
                else if (!difficulty && rng.Chance(0.005))
                {
                    officialDisability = true;
                    disabilityCategory = "chronic illness";
                }
                else officialDisability = false;
            }
            else officialDisability = rng.Chance(0.75) ? null : false;

            // Identity documents.
            var registered = rng.NextDouble();
            bool? birthRegistered = care == CareArrangement.Street && rng.Chance(0.3) ? false
                : registered < 0.986 ? true : registered < 0.992 ? false : null;
            string? certificate = null, fin = null;
            if (birthRegistered != false && rng.Chance(0.93) && _certificates < CertificateSpace)
                certificate = "AZE" + Permutation.Apply(_certificates++, CertificateSpace, 12, _certKey).ToString("D7", CultureInfo.InvariantCulture);
            if (age >= 6 && rng.Chance(0.8)) fin = FormatFin(Permutation.Apply(_fins++, FinSpace, 18, _finKey));

            // Education, consistent with age.
            var enrolment = ChooseEnrolment(age, urban, difficulty, care);
            var school = enrolment is { } en and not (Enrolment.NotOfAge or Enrolment.NotEnrolled) && rng.Chance(0.85)
                ? SchoolName(d, en, urban, village, care) : null;

            var immunisation = age < 1 ? (Immunisation)(1 + Pick(rng, 0.55, 0.38, 0.02)) : urban
                ? (Immunisation)(1 + Pick(rng, 0.88, 0.06, 0.015))
                : (Immunisation)(1 + Pick(rng, 0.80, 0.10, 0.03));
            if (immunisation == (Immunisation)4) immunisation = Immunisation.Unknown;

            bool? receivesTsa = rng.Chance(0.03) ? null : householdTsa;

            IReadOnlyList<SyntheticGuardian> guardians = [];
            if (kind != HouseholdKind.Family)
            {
                var carers = new List<SyntheticGuardian>(2)
                {
                    new(headAdult.FullName, GuardianRelationship(head), rng.Chance(0.8) ? Phone() : null),
                };
                var spouse = adults.Find(a => a.Role != head);
                if (spouse is not null && rng.Chance(0.5))
                    carers.Add(new(spouse.FullName, GuardianRelationship(spouse.Role), rng.Chance(0.5) ? Phone() : null));
                guardians = carers;
            }

            return new SyntheticChild
            {
                Id = id,
                GivenName = SpellGiven(given, style),
                Surname = SpellSurname(childSurname, female, style),
                Patronymic = style == SpellingStyle.Native ? childFather + (female ? Spellings.Daughter : Spellings.Son) : SpellPatronymic(childFather, female, style),
                Sex = female ? Sex.F : Sex.M,
                BirthDate = birth,
                BirthDateEstimated = estimated,
                Displacement = displacement,
                CareArrangement = care,
                RelationshipToHead = ChildRelationship(head, female),
                Functioning = answers,
                OfficialDisabilityStatus = officialDisability,
                DisabilityCategory = disabilityCategory,
                BirthRegistered = birthRegistered,
                BirthCertificateNumber = certificate,
                Fin = fin,
                Enrolment = enrolment,
                SchoolName = school,
                Immunisation = immunisation,
                ReceivesTsa = receivesTsa,
                Guardians = guardians,
            };
        }

        private CareArrangement PerChildCare(int age, bool difficulty)
        {
            var r = _rng.NextDouble();
            var residential = difficulty ? 0.07 : 0.013;
            if (r < residential) return CareArrangement.ResidentialInstitution;
            r -= residential;
            if (r < 0.002) return age >= 14 ? CareArrangement.Detention : CareArrangement.Parents;
            r -= 0.002;
            if (r < 0.0015) return age >= 7 ? CareArrangement.Street : CareArrangement.Parents;
            r -= 0.0015;
            return r < 0.0015 ? CareArrangement.Other : CareArrangement.Parents;
        }

        private Enrolment? ChooseEnrolment(int age, bool urban, bool difficulty, CareArrangement care)
        {
            var rng = _rng;
            if (age < 3) return Enrolment.NotOfAge;
            if (rng.Chance(0.005)) return null; // not recorded
            if (age <= 5)
            {
                var p = (age == 5 ? 0.65 : 0.30) * (urban ? 1.1 : 0.6) * (difficulty ? 0.5 : 1);
                return rng.Chance(p) ? Enrolment.Preschool : Enrolment.NotEnrolled;
            }
            if (care == CareArrangement.Street) return rng.Chance(0.8) ? Enrolment.NotEnrolled : Enrolment.School;
            if (care == CareArrangement.Detention) return rng.Chance(0.5) ? Enrolment.NotEnrolled : Enrolment.School;
            if (age == 6 && rng.Chance(0.08)) return Enrolment.Preschool;
            var notEnrolled = difficulty ? 0.25 : 0.045;
            if (rng.Chance(notEnrolled)) return Enrolment.NotEnrolled;
            if (age >= 15 && rng.Chance(0.05)) return Enrolment.Vocational;
            return Enrolment.School;
        }

        private string SchoolName(DistrictProfile d, Enrolment enrolment, bool urban, string? village, CareArrangement care)
        {
            var rng = _rng;
            var n = 1 + rng.Next(d.Schools);
            if (care == CareArrangement.ResidentialInstitution && enrolment == Enrolment.School)
                return $"{d.TownName} {1 + rng.Next(12)} nömrəli internat məktəbi";
            return enrolment switch
            {
                Enrolment.Preschool => urban ? $"{n} nömrəli uşaq bağçası" : $"{village} kənd uşaq bağçası",
                Enrolment.Vocational => $"{d.TownName} {1 + rng.Next(5)} nömrəli peşə liseyi",
                _ => urban ? $"{n} nömrəli tam orta məktəb" : $"{village} kənd tam orta məktəbi",
            };
        }

        private string Full(NameLists.Surname surname, bool female, string given, string fatherGiven, bool daughter) =>
            $"{(female ? surname.Female : surname.Male)} {given} {fatherGiven}{(daughter ? Spellings.Daughter : Spellings.Son)}";

        private string SpellGiven(string given, SpellingStyle style)
        {
            if (style == SpellingStyle.Native) return given;
            if (_spellingCache.TryGetValue((given, style, false), out var cached)) return cached;
            var s = Spellings.GivenName(given, style);
            _spellingCache[(given, style, false)] = s;
            return s;
        }

        private string SpellSurname(NameLists.Surname surname, bool female, SpellingStyle style)
        {
            if (style == SpellingStyle.Native) return female ? surname.Female : surname.Male;
            var key = ("\u0001" + surname.Male, style, female);
            if (_spellingCache.TryGetValue(key, out var cached)) return cached;
            var s = Spellings.Surname(surname, female, style);
            _spellingCache[key] = s;
            return s;
        }

        private string SpellPatronymic(string father, bool daughter, SpellingStyle style)
        {
            var key = ("\u0002" + father, style, daughter);
            if (_spellingCache.TryGetValue(key, out var cached)) return cached;
            var s = Spellings.Patronymic(father, daughter, style);
            _spellingCache[key] = s;
            return s;
        }

        private string Village()
        {
            var name = NameLists.Villages[_rng.Next(NameLists.Villages.Length)];
            return _rng.Chance(0.15) ? NameLists.Prefixes[_rng.Next(NameLists.Prefixes.Length)] + name : name;
        }

        private string Address(bool urban, string? village)
        {
            var rng = _rng;
            var street = NameLists.Streets[rng.Next(NameLists.Streets.Length)];
            var streetPart = street.EndsWith(" pr.", StringComparison.Ordinal) ? street : street + " küç.";
            return urban
                ? (rng.Chance(0.75) ? $"{streetPart} {1 + rng.Next(180)}, mənzil {1 + rng.Next(120)}" : $"{streetPart} {1 + rng.Next(180)}")
                : rng.Chance(0.5) ? $"{village} kəndi, ev {1 + rng.Next(400)}" : $"{village} kəndi, {streetPart} {1 + rng.Next(120)}";
        }

        private string Phone()
        {
            var rng = _rng;
            var prefix = NameLists.MobilePrefixes[rng.Next(NameLists.MobilePrefixes.Length)];
            return string.Create(CultureInfo.InvariantCulture, $"+994 {prefix} {200 + rng.Next(800)} {rng.Next(100):D2} {rng.Next(100):D2}");
        }

        private static string FormatFin(ulong value)
        {
            Span<char> c = stackalloc char[7];
            for (var i = 6; i >= 0; i--)
            {
                c[i] = FinAlphabet[(int)(value % 34)];
                value /= 34;
            }
            return new string(c);
        }

        private static string RelationshipToHead(Person p, Person head) => (p, head) switch
        {
            _ when p == head => "head",
            (Person.Mother, Person.Father) or (Person.PaternalGrandmother, Person.PaternalGrandfather) or (Person.Grandmother, Person.Grandfather)
                or (Person.FosterMother, Person.FosterFather) or (Person.Aunt, Person.AuntsHusband) => "wife",
            (Person.Father, Person.Mother) or (Person.AuntsHusband, Person.Aunt) or (Person.FosterFather, Person.FosterMother) => "husband",
            (Person.PaternalGrandfather, Person.Father) => "father",
            (Person.PaternalGrandmother, Person.Father) or (Person.MaternalGrandmother, Person.Mother) => "mother",
            (Person.PaternalGrandfather, Person.Mother) => "father-in-law",
            (Person.PaternalGrandmother, Person.Mother) => "mother-in-law",
            (Person.Father, Person.PaternalGrandfather) => "son",
            (Person.Mother, Person.PaternalGrandfather) => "daughter-in-law",
            _ => "other relative",
        };

        private static string ChildRelationship(Person head, bool female) => head switch
        {
            Person.Father or Person.Mother => female ? "daughter" : "son",
            Person.PaternalGrandfather or Person.Grandfather or Person.Grandmother => female ? "granddaughter" : "grandson",
            Person.Aunt or Person.AuntsHusband => female ? "niece" : "nephew",
            Person.FosterFather or Person.FosterMother => female ? "foster daughter" : "foster son",
            _ => "other relative",
        };

        private static string GuardianRelationship(Person p) => p switch
        {
            Person.Grandfather => "grandfather",
            Person.Grandmother => "grandmother",
            Person.Aunt => "aunt",
            Person.AuntsHusband => "uncle",
            Person.FosterFather => "foster father",
            Person.FosterMother => "foster mother",
            _ => "relative",
        };

        /// <summary>Index drawn with the given probabilities; the remainder of 1 goes to the next index.</summary>
        private static int Pick(Rng rng, params ReadOnlySpan<double> p)
        {
            var r = rng.NextDouble();
            for (var i = 0; i < p.Length; i++)
            {
                if (r < p[i]) return i;
                r -= p[i];
            }
            return p.Length;
        }
    }

    /// <summary>Weighted choice by binary search over cumulative weights.</summary>
    private sealed class Table<T>
    {
        private readonly T[] _items;
        private readonly double[] _cumulative;

        public Table(IEnumerable<(T Item, double Weight)> items)
        {
            var list = items.Where(i => i.Weight > 0).ToList();
            if (list.Count == 0) throw new ArgumentException("Empty table.", nameof(items));
            _items = [.. list.Select(i => i.Item)];
            _cumulative = new double[list.Count];
            double sum = 0;
            for (var i = 0; i < list.Count; i++) _cumulative[i] = sum += list[i].Weight;
        }

        public T Pick(Rng rng)
        {
            var x = rng.NextDouble() * _cumulative[^1];
            var i = Array.BinarySearch(_cumulative, x);
            i = i < 0 ? ~i : i + 1;
            return _items[Math.Min(i, _items.Length - 1)];
        }
    }
}
