namespace Himaya.Generators;

/// <summary>What was done to a copy. A copy gets each independently, at <see cref="CorruptionRates"/>, at most three.</summary>
[Flags]
public enum Corruption
{
    None = 0,
    GivenNameTypo = 1 << 0,
    SurnameTypo = 1 << 1,
    PatronymicTypo = 1 << 2,
    /// <summary>The copy is written in Russian Cyrillic.</summary>
    Cyrillic = 1 << 3,
    /// <summary>The copy is written in another Latin spelling (English-style, from Russian, without diacritics, or back to Azerbaijani Latin).</summary>
    OtherLatin = 1 << 4,
    /// <summary>Patronymic without oğlu/qızı, in the Russian -ovich/-ovna form, or missing.</summary>
    PatronymicForm = 1 << 5,
    /// <summary>Family-name form switched (-ov ↔ -li/-lı/-lu/-lü ↔ -zadə) or -yev spelt -ev.</summary>
    SurnameForm = 1 << 6,
    DayMonthSwapped = 1 << 7,
    DateComponentOff = 1 << 8,
    FinMissing = 1 << 9,
    DistrictMoved = 1 << 10,
    /// <summary>A short, colloquial or variant form of the given name (Məhəmməd → Məmməd, Fatimə → Fatma).</summary>
    GivenNameVariant = 1 << 11,
}

/// <summary>The rates, in one place; docs/linkage-testsets.md explains each choice.</summary>
internal static class CorruptionRates
{
    // Clean population.
    public const double EntityHasFin = 0.75;      // the child has a FIN at all
    public const double CleanShowsFin = 0.80;     // … and the clean record carries it: 0.75 × 0.80 = 60 % of clean rows
    public const double Twins = 0.015;            // per child after the first of a family
    public const double CousinFamily = 0.10;      // family shares surname and district with the previous one
    public const double Boys = 0.52;

    // Copies.
    public const double Typo = 0.10;              // per name field
    public const double Cyrillic = 0.10;
    public const double OtherLatin = 0.25;
    public const double PatronymicForm = 0.30;
    public const double SurnameForm = 0.08;
    public const double DayMonthSwap = 0.04;      // drawn; visible only where the swapped date is valid (day ≤ 12, day ≠ month)
    public const double DateComponentOff = 0.05;
    public const double FinMissing = 0.40;        // of copies of children who have a FIN
    public const double DistrictMoved = 0.15;
    public const double GivenNameVariant = 0.40;  // of copies whose given name has a variant in the (small) table
    public const int MaxPerCopy = 3;
}
