using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Runtime.ExceptionServices;
using System.Text;
using Himaya.Features.Registry;
using Himaya.Platform;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SQLitePCL;

namespace Himaya.Features.Demo;

/// <summary>
/// Writes generated households (members, children, guardians) straight to the database, bypassing EF change tracking:
/// PostgreSQL through binary COPY, SQLite through re-used prepared INSERTs in large transactions. Generation runs on
/// another thread than the writing (bounded hand-over, so memory stays flat). Households are written before their
/// children (foreign key). PostgreSQL loads in one transaction (all or nothing); SQLite commits every ~50,000 children.
/// </summary>
public static class BulkLoader
{
    /// <summary>Children per hand-over batch between the generating thread and the writing one.</summary>
    private const int BatchChildren = 2_500;
    private const int SqliteChildrenPerTransaction = 50_000;

    /// <summary>On PostgreSQL, loads of at least this many children (and at least as many as the table holds) defer secondary indexes and foreign keys.</summary>
    public const long DeferIndexesFrom = 200_000;

    /// <summary>Loads everything in <paramref name="data"/>; returns the number of children written.</summary>
    public static Task<long> LoadAsync(AppDbContext db, DatabaseProvider provider, IEnumerable<GeneratedHousehold> data, IProgress<long>? progress, CancellationToken ct) =>
        LoadAsync(db, provider, data, expectedChildren: 0, progress, ct);

    /// <summary>
    /// Loads everything in <paramref name="data"/>; returns the number of children written. <paramref name="expectedChildren"/>
    /// (0: unknown) lets a large PostgreSQL load drop the secondary indexes and foreign keys of the four tables and
    /// recreate them after the COPY, inside the same transaction (sorting once is far cheaper than millions of
    /// index insertions; a failure rolls everything back, indexes included). The tables are locked exclusively meanwhile.
    /// </summary>
    public static async Task<long> LoadAsync(AppDbContext db, DatabaseProvider provider, IEnumerable<GeneratedHousehold> data, long expectedChildren,
        IProgress<long>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(data);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var conn = db.Database.GetDbConnection();
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
            using var queue = new BlockingCollection<List<GeneratedHousehold>>(boundedCapacity: 2);
            // Two dedicated threads with blocking hand-over: generating and writing overlap without tying up the thread pool.
            var producer = Task.Factory.StartNew(() => Produce(data, queue, cts), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            var consumer = Task.Factory.StartNew(() =>
            {
                try
                {
                    var batches = queue.GetConsumingEnumerable(cts.Token);
                    return provider == DatabaseProvider.Postgres
                        ? LoadPostgres((NpgsqlConnection)conn, batches, expectedChildren, progress, cts.Token)
                        : LoadSqlite((SqliteConnection)conn, batches, progress, cts.Token);
                }
                catch
                {
                    cts.Cancel(); // stop the generator
                    throw;
                }
            }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            try
            {
                await Task.WhenAll(producer, consumer);
            }
            catch (Exception)
            {
                // Report the cause, not the cancellation it triggered on the other side.
                var cause = new[] { producer, consumer }.Where(t => t.IsFaulted).Select(t => t.Exception!.InnerException)
                    .FirstOrDefault(e => e is not null and not OperationCanceledException);
                if (cause is not null) ExceptionDispatchInfo.Capture(cause).Throw();
                throw;
            }
            return await consumer;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static void Produce(IEnumerable<GeneratedHousehold> data, BlockingCollection<List<GeneratedHousehold>> queue, CancellationTokenSource cts)
    {
        try
        {
            var batch = new List<GeneratedHousehold>(BatchChildren / 2);
            var children = 0;
            foreach (var h in data)
            {
                cts.Token.ThrowIfCancellationRequested();
                batch.Add(h);
                children += h.Children.Count;
                if (children < BatchChildren) continue;
                queue.Add(batch, cts.Token);
                batch = new List<GeneratedHousehold>(BatchChildren / 2);
                children = 0;
            }
            if (batch.Count > 0) queue.Add(batch, cts.Token);
        }
        catch
        {
            // Cancel before completing: the writer checks the token before it commits, so a failed generation commits nothing more.
            cts.Cancel();
            throw;
        }
        finally
        {
            queue.CompleteAdding();
        }
    }

    // ---------------------------------------------------------------- PostgreSQL: binary COPY

    private const string HouseholdColumns = "id, address, district_code, settlement, residence, head_name, water_source, sanitation, rooms, people, " +
        "receives_tsa, other_income_support, created_by_id, agency, created_at, updated_at, deleted_at, version";
    private const string MemberColumns = "household_id, full_name, relationship, sex, birth_year, is_head";
    private const string ChildColumns = "id, given_name, surname, patronymic, sex, birth_date, birth_date_estimated, fin, birth_certificate_number, " +
        "birth_registered, functioning, has_functional_difficulty, official_disability_status, disability_category, care_arrangement, district_code, " +
        "settlement, residence, displacement, enrolment, school_name, immunisation, receives_tsa, household_id, relationship_to_head, surname_key, " +
        "given_name_key, patronymic_key, created_by_id, assigned_worker_id, agency, created_at, updated_at, deleted_at, version";
    private const string GuardianColumns = "child_id, full_name, relationship, phone";

    private static readonly string[] Tables = ["households", "household_members", "children", "guardians"];

    private static long LoadPostgres(NpgsqlConnection conn, IEnumerable<List<GeneratedHousehold>> batches, long expectedChildren, IProgress<long>? progress, CancellationToken ct)
    {
        long written = 0;
        var sink = new PgCopySink();
        using (var tx = conn.BeginTransaction())
        {
            var deferred = expectedChildren >= DeferIndexesFrom && expectedChildren >= EstimatedRows(conn, "children") ? Defer(conn) : null;
            if (deferred is not null && AllEmpty(conn))
            {
                // Emptying the (already empty) tables in this transaction gives them new files, which lets COPY write
                // rows already frozen (no later rewrite of every page to set hint bits, VACUUM has nothing to freeze) and,
                // on a server with wal_level=minimal, skip the write-ahead log for the load and the index builds.
                PgExec(conn, "TRUNCATE " + string.Join(", ", Tables));
                sink.Freeze = true;
            }
            foreach (var batch in batches)
            {
                sink.Copy(conn, "households", HouseholdColumns, () =>
                {
                    foreach (var h in batch) WriteHousehold(sink, h.Household);
                });
                sink.Copy(conn, "household_members", MemberColumns, () =>
                {
                    foreach (var h in batch) foreach (var m in h.Household.Members) WriteMember(sink, m);
                });
                var guardians = false;
                sink.Copy(conn, "children", ChildColumns, () =>
                {
                    foreach (var h in batch)
                    {
                        foreach (var c in h.Children)
                        {
                            WriteChild(sink, c);
                            guardians |= c.Guardians.Count > 0;
                            written++;
                        }
                    }
                });
                if (guardians)
                {
                    sink.Copy(conn, "guardians", GuardianColumns, () =>
                    {
                        foreach (var h in batch) foreach (var c in h.Children) foreach (var g in c.Guardians) WriteGuardian(sink, c.Id, g);
                    });
                }
                progress?.Report(written);
                ct.ThrowIfCancellationRequested();
            }
            ct.ThrowIfCancellationRequested();
            if (deferred is not null) Recreate(conn, deferred, ct);
            tx.Commit();
        }
        PgExec(conn, "ANALYZE " + string.Join(", ", Tables));
        return written;
    }

    private static bool AllEmpty(NpgsqlConnection conn)
    {
        using var cmd = new NpgsqlCommand(string.Join(" AND ", Tables.Select(t => $"NOT EXISTS (SELECT 1 FROM {t})")).Insert(0, "SELECT "), conn);
        return cmd.ExecuteScalar() is true;
    }

    private static double EstimatedRows(NpgsqlConnection conn, string table)
    {
        using var cmd = new NpgsqlCommand("SELECT reltuples FROM pg_class WHERE oid = to_regclass(@t)", conn);
        cmd.Parameters.AddWithValue("t", table);
        return cmd.ExecuteScalar() is float f ? Math.Max(f, 0) : 0;
    }

    /// <summary>
    /// Drops the keys, foreign keys (those of the four tables and those pointing at them) and indexes of the four tables,
    /// and returns the statements that recreate them, in an order that works: keys, indexes, then foreign keys.
    /// Definitions come from the catalogue, so whatever later migrations add is restored as it was.
    /// </summary>
    private static List<string> Defer(NpgsqlConnection conn)
    {
        var drops = new List<string>();
        var creates = new List<string>();
        using (var cmd = new NpgsqlCommand("""
            WITH t AS (SELECT to_regclass(n) AS oid FROM unnest(@tables) n)
            SELECT format('ALTER TABLE %s DROP CONSTRAINT %I', c.conrelid::regclass, c.conname),
                   format('ALTER TABLE %s ADD CONSTRAINT %I %s', c.conrelid::regclass, c.conname, pg_get_constraintdef(c.oid)),
                   0 AS phase
            FROM pg_constraint c
            WHERE c.contype = 'f' AND (c.conrelid IN (SELECT oid FROM t) OR c.confrelid IN (SELECT oid FROM t))
            UNION ALL
            SELECT format('ALTER TABLE %s DROP CONSTRAINT %I', c.conrelid::regclass, c.conname),
                   format('ALTER TABLE %s ADD CONSTRAINT %I %s', c.conrelid::regclass, c.conname, pg_get_constraintdef(c.oid)),
                   1
            FROM pg_constraint c
            WHERE c.contype IN ('p', 'u') AND c.conrelid IN (SELECT oid FROM t)
            UNION ALL
            SELECT format('DROP INDEX %s', x.indexrelid::regclass), pg_get_indexdef(x.indexrelid), 2
            FROM pg_index x
            WHERE x.indrelid IN (SELECT oid FROM t) AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
            ORDER BY 3, 1
            """, conn))
        {
            cmd.Parameters.AddWithValue("tables", Tables);
            using var r = cmd.ExecuteReader();
            var foreignKeys = new List<string>();
            while (r.Read())
            {
                drops.Add(r.GetString(0));
                (r.GetInt32(2) == 0 ? foreignKeys : creates).Add(r.GetString(1));
            }
            creates.AddRange(foreignKeys); // after the keys they reference
        }
        foreach (var sql in drops) PgExec(conn, sql);
        return creates;
    }

    private static void Recreate(NpgsqlConnection conn, List<string> creates, CancellationToken ct)
    {
        // Index builds sort in memory and in parallel; both settings are this transaction's own.
        PgExec(conn, "SET LOCAL maintenance_work_mem = '1GB'");
        foreach (var sql in creates)
        {
            ct.ThrowIfCancellationRequested();
            PgExec(conn, sql);
        }
    }

    private static void PgExec(NpgsqlConnection conn, string sql)
    {
        using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 0 };
        cmd.ExecuteNonQuery();
    }

    // ---------------------------------------------------------------- SQLite: prepared INSERTs

    private static long LoadSqlite(SqliteConnection conn, IEnumerable<List<GeneratedHousehold>> batches, IProgress<long>? progress, CancellationToken ct)
    {
        var synchronous = Scalar(conn, "PRAGMA synchronous");
        var cacheSize = Scalar(conn, "PRAGMA cache_size");
        Exec(conn, "PRAGMA synchronous = OFF");
        Exec(conn, "PRAGMA cache_size = -131072"); // 128 MB while loading: index pages stay in memory
        long written = 0;
        try
        {
            using var households = Insert(conn, "households", HouseholdColumns);
            using var members = Insert(conn, "household_members", MemberColumns);
            using var children = Insert(conn, "children", ChildColumns);
            using var guardians = Insert(conn, "guardians", GuardianColumns);
            SqliteTransaction? tx = null;
            var inTransaction = 0;
            try
            {
                foreach (var batch in batches)
                {
                    foreach (var h in batch)
                    {
                        if (tx is null)
                        {
                            tx = conn.BeginTransaction();
                        }
                        WriteHousehold(households, h.Household);
                        foreach (var m in h.Household.Members) WriteMember(members, m);
                        foreach (var c in h.Children)
                        {
                            WriteChild(children, c);
                            foreach (var g in c.Guardians) WriteGuardian(guardians, c.Id, g);
                        }
                        written += h.Children.Count;
                        inTransaction += h.Children.Count;
                        if (inTransaction >= SqliteChildrenPerTransaction)
                        {
                            tx.Commit();
                            tx.Dispose();
                            tx = null;
                            inTransaction = 0;
                            progress?.Report(written);
                            ct.ThrowIfCancellationRequested();
                        }
                    }
                }
                ct.ThrowIfCancellationRequested();
                tx?.Commit();
                progress?.Report(written);
            }
            finally
            {
                tx?.Dispose();
            }
        }
        finally
        {
            Exec(conn, "PRAGMA synchronous = " + Convert.ToInt64(synchronous, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture));
            Exec(conn, "PRAGMA cache_size = " + Convert.ToInt64(cacheSize, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture));
        }
        return written;
    }

    private static SqliteSink Insert(SqliteConnection conn, string table, string columns)
    {
        var count = columns.Split(", ").Length;
        var sql = $"INSERT INTO {table} ({columns}) VALUES ({string.Join(", ", Enumerable.Range(1, count).Select(i => "?" + i.ToString(CultureInfo.InvariantCulture)))})";
        var handle = conn.Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
        Check(handle, raw.sqlite3_prepare_v2(handle, sql, out var statement));
        return new SqliteSink(handle, statement);
    }

    private static void Check(sqlite3 db, int rc)
    {
        if (rc is not (raw.SQLITE_OK or raw.SQLITE_DONE or raw.SQLITE_ROW))
            throw new SqliteException($"SQLite Error {rc}: '{raw.sqlite3_errmsg(db).utf8_to_string()}'.", rc, raw.sqlite3_extended_errcode(db));
    }

    private static object? Scalar(DbConnection conn, string sql)
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteScalar();
    }

    private static void Exec(DbConnection conn, string sql)
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    // ---------------------------------------------------------------- rows (one code path for both databases)

    private static void WriteHousehold(Sink s, Household h)
    {
        s.StartRow();
        s.Uuid(h.Id);
        s.Text(h.Address);
        s.Text(h.DistrictCode);
        s.Text(h.Settlement);
        s.Text(h.Residence is { } r ? EnumNames<Residence>.Of(r) : null);
        s.Text(h.HeadName);
        s.Text(h.WaterSource is { } ws ? EnumNames<WaterSource>.Of(ws) : null);
        s.Text(h.Sanitation is { } sa ? EnumNames<Sanitation>.Of(sa) : null);
        s.Int(h.Rooms);
        s.Int(h.People);
        s.Bool(h.ReceivesTsa);
        s.Text(h.OtherIncomeSupport);
        s.Int(h.CreatedById);
        s.Text(h.Agency);
        s.Timestamp(h.CreatedAt);
        s.Timestamp(h.UpdatedAt);
        s.Timestamp(h.DeletedAt);
        s.Int(h.Version);
        s.EndRow();
    }

    private static void WriteMember(Sink s, HouseholdMember m)
    {
        s.StartRow();
        s.Uuid(m.HouseholdId);
        s.Text(m.FullName);
        s.Text(m.Relationship);
        s.Text(m.Sex is { } sex ? EnumNames<Sex>.Of(sex) : null);
        s.Int(m.BirthYear);
        s.Bool(m.IsHead);
        s.EndRow();
    }

    private static void WriteChild(Sink s, Child c)
    {
        s.StartRow();
        s.Uuid(c.Id);
        s.Text(c.GivenName);
        s.Text(c.Surname);
        s.Text(c.Patronymic);
        s.Text(EnumNames<Sex>.Of(c.Sex));
        s.Date(c.BirthDate);
        s.Bool(c.BirthDateEstimated);
        s.Text(c.Fin);
        s.Text(c.BirthCertificateNumber);
        s.Bool(c.BirthRegistered);
        s.Text(c.Functioning);
        s.Bool(c.HasFunctionalDifficulty);
        s.Bool(c.OfficialDisabilityStatus);
        s.Text(c.DisabilityCategory);
        s.Text(EnumNames<CareArrangement>.Of(c.CareArrangement));
        s.Text(c.DistrictCode);
        s.Text(c.Settlement);
        s.Text(c.Residence is { } r ? EnumNames<Residence>.Of(r) : null);
        s.Text(EnumNames<Displacement>.Of(c.Displacement));
        s.Text(c.Enrolment is { } e ? EnumNames<Enrolment>.Of(e) : null);
        s.Text(c.SchoolName);
        s.Text(EnumNames<Immunisation>.Of(c.Immunisation));
        s.Bool(c.ReceivesTsa);
        s.Uuid(c.HouseholdId);
        s.Text(c.RelationshipToHead);
        s.Text(c.SurnameKey);
        s.Text(c.GivenNameKey);
        s.Text(c.PatronymicKey);
        s.Int(c.CreatedById);
        s.Int(c.AssignedWorkerId);
        s.Text(c.Agency);
        s.Timestamp(c.CreatedAt);
        s.Timestamp(c.UpdatedAt);
        s.Timestamp(c.DeletedAt);
        s.Int(c.Version);
        s.EndRow();
    }

    private static void WriteGuardian(Sink s, Guid childId, Guardian g)
    {
        s.StartRow();
        s.Uuid(childId);
        s.Text(g.FullName);
        s.Text(g.Relationship);
        s.Text(g.Phone);
        s.EndRow();
    }

    private abstract class Sink
    {
        public abstract void StartRow();
        public abstract void EndRow();
        public abstract void Uuid(Guid? v);
        public abstract void Text(string? v);
        public abstract void Int(int? v);
        public abstract void Bool(bool? v);
        public abstract void Date(DateOnly v);
        public abstract void Timestamp(DateTime? v);
    }

    /// <summary>
    /// Writes PostgreSQL's binary COPY format (header, then per row the field count and length-prefixed big-endian values)
    /// into a buffer that goes to Npgsql's raw COPY stream: several times cheaper per value than NpgsqlBinaryImporter,
    /// which matters at tens of millions of values.
    /// </summary>
    private sealed class PgCopySink : Sink
    {
        private static readonly byte[] Header = [.. "PGCOPY\n"u8, 0xFF, (byte)'\r', (byte)'\n', 0, 0, 0, 0, 0, 0, 0, 0, 0];
        private static readonly int PostgresEpochDay = new DateOnly(2000, 1, 1).DayNumber;
        private static readonly long PostgresEpochTicks = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;
        private readonly byte[] _buffer = new byte[1 << 16];
        private int _pos;
        private short _fields;
        private NpgsqlRawCopyStream? _stream;

        public bool Freeze { get; set; }

        public void Copy(NpgsqlConnection conn, string table, string columns, Action writeRows)
        {
            _fields = (short)columns.Split(", ").Length;
            _pos = 0;
            _stream = conn.BeginRawBinaryCopy($"COPY {table} ({columns}) FROM STDIN (FORMAT BINARY{(Freeze ? ", FREEZE" : "")})");
            try
            {
                Header.CopyTo(_buffer, 0);
                _pos = Header.Length;
                writeRows();
                Ensure(2);
                BinaryPrimitives.WriteInt16BigEndian(_buffer.AsSpan(_pos), -1);
                _pos += 2;
                Flush();
                _stream.Dispose(); // completes the COPY
            }
            catch
            {
                _stream.Cancel();
                throw;
            }
            finally
            {
                _stream = null;
            }
        }

        private void Flush()
        {
            _stream!.Write(_buffer, 0, _pos);
            _pos = 0;
        }

        private void Ensure(int bytes)
        {
            if (_pos + bytes > _buffer.Length) Flush();
        }

        private void Length(int length)
        {
            BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_pos), length);
            _pos += 4;
        }

        public override void StartRow()
        {
            Ensure(2);
            BinaryPrimitives.WriteInt16BigEndian(_buffer.AsSpan(_pos), _fields);
            _pos += 2;
        }

        public override void EndRow() { }

        private void Null()
        {
            Ensure(4);
            Length(-1);
        }

        public override void Uuid(Guid? v)
        {
            if (v is not { } g) { Null(); return; }
            Ensure(20);
            Length(16);
            g.TryWriteBytes(_buffer.AsSpan(_pos, 16), bigEndian: true, out _);
            _pos += 16;
        }

        public override void Text(string? v)
        {
            if (v is null) { Null(); return; }
            var max = Encoding.UTF8.GetMaxByteCount(v.Length);
            if (max + 4 > _buffer.Length) throw new InvalidOperationException("Value too long for the COPY buffer.");
            Ensure(4 + max);
            var n = Encoding.UTF8.GetBytes(v, _buffer.AsSpan(_pos + 4));
            Length(n);
            _pos += n;
        }

        public override void Int(int? v)
        {
            if (v is not { } i) { Null(); return; }
            Ensure(8);
            Length(4);
            BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_pos), i);
            _pos += 4;
        }

        public override void Bool(bool? v)
        {
            if (v is not { } b) { Null(); return; }
            Ensure(5);
            Length(1);
            _buffer[_pos++] = b ? (byte)1 : (byte)0;
        }

        public override void Date(DateOnly v)
        {
            Ensure(8);
            Length(4);
            BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_pos), v.DayNumber - PostgresEpochDay);
            _pos += 4;
        }

        public override void Timestamp(DateTime? v)
        {
            if (v is not { } t) { Null(); return; }
            // timestamptz: microseconds since 2000-01-01 UTC. Unspecified kind is taken as UTC, as the rest of the app stores it.
            var utc = t.Kind == DateTimeKind.Local ? t.ToUniversalTime() : t;
            Ensure(12);
            Length(8);
            BinaryPrimitives.WriteInt64BigEndian(_buffer.AsSpan(_pos), (utc.Ticks - PostgresEpochTicks) / 10);
            _pos += 8;
        }
    }

    /// <summary>
    /// A prepared statement bound and stepped through SQLitePCL directly (Microsoft.Data.Sqlite's per-execution reader
    /// and by-name parameter binding cost more than SQLite's own work here). Values in the text forms EF Core's SQLite
    /// provider writes, so that EF reads and compares them: Guid upper case, DateOnly yyyy-MM-dd, DateTime
    /// "yyyy-MM-dd HH:mm:ss.FFFFFFF", bool 0/1.
    /// </summary>
    private sealed class SqliteSink(sqlite3 db, sqlite3_stmt statement) : Sink, IDisposable
    {
        private int _i;
        public override void StartRow() => _i = 1;

        public override void EndRow()
        {
            var rc = raw.sqlite3_step(statement);
            if (rc != raw.SQLITE_DONE)
            {
                var error = new SqliteException($"SQLite Error {rc}: '{raw.sqlite3_errmsg(db).utf8_to_string()}'.", rc, raw.sqlite3_extended_errcode(db));
                raw.sqlite3_reset(statement);
                throw error;
            }
            raw.sqlite3_reset(statement);
        }

        private void Null() => raw.sqlite3_bind_null(statement, _i++);
        public override void Uuid(Guid? v)
        {
            if (v is not { } g) { Null(); return; }
            Span<char> text = stackalloc char[36];
            g.TryFormat(text, out _);
            for (var k = 0; k < text.Length; k++) text[k] = char.ToUpperInvariant(text[k]);
            raw.sqlite3_bind_text16(statement, _i++, text);
        }
        public override void Text(string? v) { if (v is null) Null(); else raw.sqlite3_bind_text16(statement, _i++, v); }
        public override void Int(int? v) { if (v is { } i) raw.sqlite3_bind_int64(statement, _i++, i); else Null(); }
        public override void Bool(bool? v) { if (v is { } b) raw.sqlite3_bind_int64(statement, _i++, b ? 1 : 0); else Null(); }
        public override void Date(DateOnly v)
        {
            Span<char> text = stackalloc char[10];
            v.TryFormat(text, out _, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            raw.sqlite3_bind_text16(statement, _i++, text);
        }
        public override void Timestamp(DateTime? v)
        {
            if (v is not { } t) { Null(); return; }
            Span<char> text = stackalloc char[32];
            t.TryFormat(text, out var n, "yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
            raw.sqlite3_bind_text16(statement, _i++, text[..n]);
        }
        public void Dispose() => statement.Dispose();
    }

    /// <summary>Enum member names by value (the stored form), without a ToString allocation per row.</summary>
    private static class EnumNames<T> where T : struct, Enum
    {
        private static readonly Dictionary<T, string> Names = Enum.GetValues<T>().ToDictionary(v => v, v => v.ToString());
        public static string Of(T value) => Names[value];
    }
}
