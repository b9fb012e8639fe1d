using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Himaya.Features.Registry;
using Himaya.Platform;
using Microsoft.EntityFrameworkCore;

namespace Himaya.Features.Deprivation;

/// <summary>
/// What deprivation analyses read about every live child, held in memory as compact columns (about 30 bytes a child):
/// reading 3,000,000 children from the database takes seconds, filtering and scoring these columns well under one.
/// Enumerations are stored as their values; 255 (or -1 for numbers) means not recorded.
/// </summary>
public sealed class RegistryFacts
{
    public const byte None = 255;

    public int Count { get; init; }
    public required Guid[] Id { get; init; }
    public required int[] BirthDay { get; init; }
    public required short[] District { get; init; }
    public required string[] DistrictCodes { get; init; }
    public required int[] AssignedWorker { get; init; }
    public required byte[] Sex { get; init; }
    public required byte[] Residence { get; init; }
    public required byte[] Displacement { get; init; }
    public required byte[] Difficulty { get; init; }
    public required byte[] Enrolment { get; init; }
    public required byte[] Immunisation { get; init; }
    public required byte[] BirthRegistered { get; init; }
    public required byte[] Care { get; init; }
    public required byte[] Water { get; init; }
    public required byte[] Sanitation { get; init; }
    public required short[] Rooms { get; init; }
    public required short[] People { get; init; }
    public required byte[] Tsa { get; init; }
    public required byte[] OfficialStatus { get; init; }
    /// <summary>When the data were read (results say "registry as of").</summary>
    public DateTime LoadedAt { get; init; }
    public TimeSpan LoadTime { get; init; }

    public ChildFacts this[int i] => new(DateOnly.FromDayNumber(BirthDay[i]), (Registry.Sex)Sex[i], DistrictCodes[District[i]],
        Residence[i] == None ? null : (Registry.Residence)Residence[i], (Registry.Displacement)Displacement[i], Difficulty[i] == 1,
        Enrolment[i] == None ? null : (Registry.Enrolment)Enrolment[i], (Registry.Immunisation)Immunisation[i],
        BirthRegistered[i] == None ? null : BirthRegistered[i] == 1, (CareArrangement)Care[i], Tsa[i] == None ? null : Tsa[i] == 1,
        Water[i] == None ? null : (WaterSource)Water[i], Sanitation[i] == None ? null : (Registry.Sanitation)Sanitation[i],
        Rooms[i] < 0 ? null : Rooms[i], People[i] < 0 ? null : People[i], OfficialStatus[i] == None ? null : OfficialStatus[i] == 1);

    /// <summary>
    /// The rows of children aged <paramref name="minAge"/>..<paramref name="maxAge"/> on <paramref name="today"/> whom
    /// the user may count: the same rule as RegistryScope.CountableBy (areas by district, a caseload by assigned worker);
    /// <paramref name="within"/> narrows to some districts, <paramref name="from"/>..<paramref name="to"/> (exclusive) to
    /// some rows (one part of a parallel pass).
    /// </summary>
    public IEnumerable<int> Rows(CurrentUser user, int minAge, int maxAge, DateOnly today, IReadOnlySet<string>? within = null, int from = 0, int to = int.MaxValue)
    {
        // Age a..b years today <=> born after today-(b+1) years and on or before today-a years.
        var earliest = today.AddYears(-(maxAge + 1)).DayNumber;
        var latest = today.AddYears(-minAge).DayNumber;
        var allowed = DistrictCodes.Select(code => (user.ScopeKind != ScopeKind.Areas || user.Districts.Contains(code)) && (within is null || within.Contains(code))).ToArray();
        var caseload = user.ScopeKind == ScopeKind.Caseload;
        for (int i = Math.Max(0, from), end = Math.Min(Count, to); i < end; i++)
        {
            if (BirthDay[i] <= earliest || BirthDay[i] > latest || !allowed[District[i]]) continue;
            if (caseload && AssignedWorker[i] != user.Id) continue;
            yield return i;
        }
    }

    /// <summary>Enumerations stored as text become their values in SQL (one CASE each), so no string is read per child.</summary>
    private static string Case<T>(string column) where T : struct, Enum =>
        $"CASE {column} " + string.Concat(Enum.GetValues<T>().Select(v => $"WHEN '{v}' THEN {Convert.ToInt32(v, CultureInfo.InvariantCulture)} ")) + "END";

    public static async Task<RegistryFacts> LoadAsync(AppDbContext db, DatabaseProvider provider, TimeProvider clock, CancellationToken ct)
    {
        var sw = Stopwatch.StartNew();
        var loadedAt = clock.GetUtcNow().UtcDateTime;
        var sql = $"""
            SELECT c.id, c.birth_date, c.district_code, c.assigned_worker_id, {Case<Registry.Sex>("c.sex")}, {Case<Registry.Residence>("c.residence")},
                   {Case<Registry.Displacement>("c.displacement")}, CASE WHEN c.has_functional_difficulty THEN 1 ELSE 0 END,
                   {Case<Registry.Enrolment>("c.enrolment")}, {Case<Registry.Immunisation>("c.immunisation")},
                   CASE WHEN c.birth_registered THEN 1 WHEN NOT c.birth_registered THEN 0 END, {Case<CareArrangement>("c.care_arrangement")},
                   {Case<WaterSource>("h.water_source")}, {Case<Registry.Sanitation>("h.sanitation")}, h.rooms, h.people,
                   CASE WHEN COALESCE(c.receives_tsa, h.receives_tsa) THEN 1 WHEN NOT COALESCE(c.receives_tsa, h.receives_tsa) THEN 0 END,
                   CASE WHEN c.official_disability_status THEN 1 WHEN NOT c.official_disability_status THEN 0 END
            FROM children c LEFT JOIN households h ON h.id = c.household_id
            WHERE c.deleted_at IS NULL
            """;
        var conn = db.Database.GetDbConnection();
        var opened = conn.State != System.Data.ConnectionState.Open;
        if (opened) await conn.OpenAsync(ct);
        try
        {
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = sql;
            cmd.CommandTimeout = 600;
            await using var r = await cmd.ExecuteReaderAsync(ct);
            var capacity = 1 << 14;
            var id = new Guid[capacity];
            int[] birth = new int[capacity], worker = new int[capacity];
            short[] district = new short[capacity], rooms = new short[capacity], people = new short[capacity];
            byte[] sex = new byte[capacity], residence = new byte[capacity], displacement = new byte[capacity], difficulty = new byte[capacity],
                enrolment = new byte[capacity], immunisation = new byte[capacity], registered = new byte[capacity], care = new byte[capacity],
                water = new byte[capacity], sanitation = new byte[capacity], tsa = new byte[capacity], official = new byte[capacity];
            var codes = new Dictionary<string, short>(StringComparer.Ordinal);
            var n = 0;
            byte B(DbDataReader x, int i) => x.IsDBNull(i) ? None : (byte)Convert.ToInt32(x.GetValue(i), CultureInfo.InvariantCulture);
            short S(DbDataReader x, int i) => x.IsDBNull(i) ? (short)-1 : (short)Math.Min(short.MaxValue, Convert.ToInt32(x.GetValue(i), CultureInfo.InvariantCulture));
            while (await r.ReadAsync(ct))
            {
                if (n == capacity)
                {
                    capacity *= 2;
                    Array.Resize(ref id, capacity); Array.Resize(ref birth, capacity); Array.Resize(ref worker, capacity); Array.Resize(ref district, capacity);
                    Array.Resize(ref rooms, capacity); Array.Resize(ref people, capacity); Array.Resize(ref sex, capacity);
                    Array.Resize(ref residence, capacity); Array.Resize(ref displacement, capacity); Array.Resize(ref difficulty, capacity);
                    Array.Resize(ref enrolment, capacity); Array.Resize(ref immunisation, capacity); Array.Resize(ref registered, capacity);
                    Array.Resize(ref care, capacity); Array.Resize(ref water, capacity); Array.Resize(ref sanitation, capacity);
                    Array.Resize(ref tsa, capacity); Array.Resize(ref official, capacity);
                }
                id[n] = provider == DatabaseProvider.Postgres ? r.GetGuid(0) : Guid.Parse(r.GetString(0));
                // PostgreSQL returns a date; SQLite the text EF wrote (yyyy-MM-dd).
                birth[n] = provider == DatabaseProvider.Postgres
                    ? r.GetFieldValue<DateOnly>(1).DayNumber
                    : DateOnly.ParseExact(r.GetString(1), "yyyy-MM-dd", CultureInfo.InvariantCulture).DayNumber;
                var code = r.GetString(2);
                if (!codes.TryGetValue(code, out var d)) codes[code] = d = (short)codes.Count;
                district[n] = d;
                worker[n] = r.IsDBNull(3) ? 0 : Convert.ToInt32(r.GetValue(3), CultureInfo.InvariantCulture);
                sex[n] = B(r, 4); residence[n] = B(r, 5); displacement[n] = B(r, 6); difficulty[n] = B(r, 7); enrolment[n] = B(r, 8);
                immunisation[n] = B(r, 9); registered[n] = B(r, 10); care[n] = B(r, 11); water[n] = B(r, 12); sanitation[n] = B(r, 13);
                rooms[n] = S(r, 14); people[n] = S(r, 15); tsa[n] = B(r, 16); official[n] = B(r, 17);
                n++;
            }
            var districtCodes = new string[codes.Count];
            foreach (var (code, i) in codes) districtCodes[i] = code;
            return new RegistryFacts
            {
                Count = n, Id = id, BirthDay = birth, District = district, DistrictCodes = districtCodes, AssignedWorker = worker, Sex = sex, Residence = residence,
                Displacement = displacement, Difficulty = difficulty, Enrolment = enrolment, Immunisation = immunisation, BirthRegistered = registered,
                Care = care, Water = water, Sanitation = sanitation, Rooms = rooms, People = people, Tsa = tsa, OfficialStatus = official, LoadedAt = loadedAt, LoadTime = sw.Elapsed,
            };
        }
        finally
        {
            if (opened) await conn.CloseAsync();
        }
    }
}

/// <summary>
/// The latest <see cref="RegistryFacts"/>, shared by all analyses. Older than <c>Deprivation:SnapshotSeconds</c>
/// (default 300), it is read again: at once when that is quick (a small registry, under half a second) or when the
/// setting is 0, otherwise in the background while analyses go on with the previous one, whose time every result states. So a national analysis of
/// millions of children costs the database read once per few minutes, not once per page.
/// </summary>
public sealed class RegistryFactsCache(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration config, Microsoft.Extensions.Options.IOptions<DatabaseOptions> database,
    ILogger<RegistryFactsCache> log)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Lock _refreshLock = new();
    private RegistryFacts? _current;
    private Task? _refresh;

    private TimeSpan MaxAge => TimeSpan.FromSeconds(config.GetValue("Deprivation:SnapshotSeconds", 300));

    public async Task<RegistryFacts> GetAsync(CancellationToken ct)
    {
        var current = _current;
        if (current is not null && clock.GetUtcNow().UtcDateTime - current.LoadedAt <= MaxAge) return current;
        // SnapshotSeconds = 0 asks for the registry as it is now, every time (tests; a small installation).
        if (current is not null && MaxAge > TimeSpan.Zero && current.LoadTime > TimeSpan.FromMilliseconds(500))
        {
            lock (_refreshLock) _refresh ??= Task.Run(RefreshAsync, CancellationToken.None);
            return current;
        }
        await _gate.WaitAsync(ct);
        try
        {
            // Another caller may have read it meanwhile.
            if (_current is { } fresh && fresh != current && clock.GetUtcNow().UtcDateTime - fresh.LoadedAt <= MaxAge) return fresh;
            return _current = await LoadAsync(ct);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task RefreshAsync()
    {
        try
        {
            var facts = await LoadAsync(CancellationToken.None);
            _current = facts;
        }
        catch (Exception e)
        {
            log.LogError(e, "Reading the registry for deprivation analyses failed; the previous reading stays in use");
        }
        finally
        {
            lock (_refreshLock) _refresh = null;
        }
    }

    private async Task<RegistryFacts> LoadAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await RegistryFacts.LoadAsync(db, database.Value.Provider, clock, ct);
    }
}

/// <summary>Reads the registry for analyses once after start-up, so that the first analysis of a large registry does not wait for it.</summary>
public sealed class RegistryFactsWarmUp(RegistryFactsCache cache, ILogger<RegistryFactsWarmUp> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Yield();
            await cache.GetAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            // Not fatal: the first analysis reads the registry itself.
            log.LogWarning(e, "Reading the registry for deprivation analyses at start-up failed");
        }
    }
}
