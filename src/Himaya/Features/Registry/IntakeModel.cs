using Himaya.Platform;
using Himaya.Linkage.Linking;

namespace Himaya.Features.Registry;

/// <summary>
/// The Fellegi–Sunter model intake matching scores with. Shipped as data (IntakeModel.json, embedded), trained offline
/// the same way `himaya link` trains, on a seeded generated set (docs/linkage-testsets.md), because the registry itself
/// holds too few known duplicates to estimate m from: `himaya intake-model --output src/Himaya/Features/Registry/IntakeModel.json`
/// trains it again, and a test checks that the shipped file is exactly what that training gives. The birth-certificate
/// number has no training data there, so it borrows the FIN's m and u: both are national identifiers, unique per child.
/// No term-frequency adjustment: a handful of candidates says nothing about how common a name is.
/// </summary>
public sealed class IntakeModel
{
    public static readonly LinkConfig Config = LinkConfig.Parse("""
        {"id":"id","fields":[
          {"column":"givenName","kind":"name","tf":false},{"column":"surname","kind":"surname","tf":false},
          {"column":"patronymic","kind":"patronymic","tf":false},{"column":"sex","kind":"sex"},
          {"column":"birthDate","kind":"date"},{"column":"fin","kind":"id"},{"column":"birthCertificateNumber","kind":"id"},
          {"column":"districtCode","kind":"district","tf":false}]}
        """).Config!;

    /// <summary>A record's values in <see cref="Config"/>'s field order (dates as ISO text).</summary>
    public static string?[] Values(string? givenName, string? surname, string? patronymic, Sex? sex, DateOnly? birthDate,
        string? fin, string? birthCertificateNumber, string? districtCode) =>
        [givenName, surname, patronymic, sex?.ToString(), birthDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), fin, birthCertificateNumber, districtCode];

    public static string?[] Values(ChildInput c) =>
        Values(c.GivenName, c.Surname, c.Patronymic, c.Sex, c.BirthDate, c.Fin, c.BirthCertificateNumber, c.DistrictCode);

    private readonly Lazy<LinkModel> _model = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    public LinkModel Model => _model.Value;

    private sealed record Counted(long Count, DateTimeOffset At);
    private volatile Counted? _registrySize; // a reference, so readers never see half an update

    /// <summary>
    /// How many live children the registry holds, for the prior (a new child is compared with every one of them). Counted
    /// at most every ten minutes: counting 3,000,000 rows takes longer than the whole match, and the prior barely moves.
    /// </summary>
    public async Task<long> RegistrySizeAsync(AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (_registrySize is { } cached && now - cached.At < TimeSpan.FromMinutes(10)) return cached.Count;
        var count = Math.Max(1, await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.LongCountAsync(
            System.Linq.Queryable.Where(db.Children, c => c.DeletedAt == null), ct));
        _registrySize = new Counted(count, now);
        return count;
    }

    public const string ResourceName = "Himaya.Registry.IntakeModel.json";

    /// <summary>How the model is written and read: indented, enums by name, so a retrained model reads as a diff.</summary>
    public static readonly System.Text.Json.JsonSerializerOptions ModelJson = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new StrictEnumConverterFactory() },
    };

    private static LinkModel Load()
    {
        using var stream = typeof(IntakeModel).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException(ResourceName + " is not embedded.");
        return System.Text.Json.JsonSerializer.Deserialize<LinkModel>(stream, ModelJson)
            ?? throw new InvalidDataException(ResourceName + " is empty.");
    }
}
