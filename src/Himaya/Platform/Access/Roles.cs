namespace Himaya.Platform;

/// <summary>The roles of the system. Stored and sent by these exact names.</summary>
public static class Roles
{
    public const string Administrator = "Administrator";
    public const string NationalAnalyst = "NationalAnalyst";
    public const string DistrictCoordinator = "DistrictCoordinator";
    public const string Supervisor = "Supervisor";
    public const string SocialWorker = "SocialWorker";
    public const string ServiceProvider = "ServiceProvider";
    public const string HotlineOperator = "HotlineOperator";
    public const string Auditor = "Auditor";
    /// <summary>Reports violence against children and follows their own reports' status: teachers, health workers, police.</summary>
    public const string Reporter = "Reporter";
    /// <summary>Visits institutions where children live or are held, within a mandate (the account's area): e.g. the Ombudsperson's preventive mechanism.</summary>
    public const string IndependentMonitor = "IndependentMonitor";

    public static readonly IReadOnlyList<string> All =
    [
        Administrator, NationalAnalyst, DistrictCoordinator, Supervisor,
        SocialWorker, ServiceProvider, HotlineOperator, Auditor, Reporter, IndependentMonitor,
    ];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}

/// <summary>What a user may do. Each permission is granted to roles in <see cref="Permissions"/>; scope limits it further.</summary>
public enum Permission
{
    /// <summary>See aggregate counts (dashboard). No personal data.</summary>
    ViewAggregates,
    /// <summary>Search and read children's and households' personal data.</summary>
    ReadPersonalData,
    /// <summary>Register and edit children and households.</summary>
    WriteRegistry,
    /// <summary>Delete (archive) a registry record.</summary>
    DeleteRegistry,
    ReadAudit,
    ManageUsers,
    /// <summary>Define deprivation frameworks (new versions).</summary>
    ManageFrameworks,
    /// <summary>Read cases (further limited by <c>CaseScope</c>: area, and own caseload for social workers).</summary>
    ReadCases,
    /// <summary>Open cases and work them: assessments, plans, notes, referrals, closure requests.</summary>
    WorkCases,
    /// <summary>Approve or return case plans and closures (only of cases one supervises).</summary>
    ApproveCases,
    /// <summary>Answer referrals sent to a service of one's own agency.</summary>
    RespondReferrals,
    /// <summary>Read case notes marked sensitive on cases one neither owns nor supervises.</summary>
    ReadSensitiveNotes,
    /// <summary>Report violence against a child (signed in; the public form needs no account).</summary>
    ReportViolence,
    /// <summary>Read violence reports (further limited by <c>VacScope</c>: area and need-to-know).</summary>
    ReadVacReports,
    /// <summary>Assign a report to a social worker and link it to the registry and to a case.</summary>
    TriageVacReports,
    /// <summary>Record what was done in response to a report, and close it.</summary>
    RespondVacReports,
    /// <summary>See who reported.</summary>
    ReadReporterIdentity,
    /// <summary>Keep the service directory: register providers; add services that are public at once (coordinators: in their districts).</summary>
    ManageServices,
    /// <summary>Add and edit services: the directory's keepers, and a provider's own staff for their provider (reviewed before public).</summary>
    EditServices,
    /// <summary>Add to the shared service taxonomy and retire its types.</summary>
    ManageServiceTypes,
    /// <summary>Define child-rights indicators and import their values (aggregates only, never a child's record).</summary>
    ManageIndicators,
    /// <summary>See the institution register, visits and recommendations in one's area (never interview notes: see <c>InstitutionScope</c>).</summary>
    ViewInstitutions,
    /// <summary>Register institutions and answer the monitors' recommendations (in one's area).</summary>
    ManageInstitutions,
    /// <summary>Visit institutions within one's mandate: checklists, private interviews, findings, verification.</summary>
    MonitorInstitutions,
    /// <summary>Define community programmes: their activities, districts and targets.</summary>
    ManageProgrammes,
    /// <summary>Record a programme's light contacts (sessions, visits) for children one may see in the registry.</summary>
    RecordContacts,
    /// <summary>Register a child a programme meets, with the few fields known there, after the intake matching found no record of them.</summary>
    RegisterParticipants,
    /// <summary>Keep the ministries' feeds: which source wins for each registry fact (later: agency clients and their agreements).</summary>
    ManageFeeds,
}

public static class Permissions
{
    // Analysts and auditors see no personal data: analysts work with aggregates,
    // auditors with the access log, which names records only by id.
    private static readonly Dictionary<Permission, string[]> Grants = new()
    {
        // Reporters (teachers, police) report and follow their reports; the registry's figures are not theirs.
        // Independent monitors see only their mandate (institutions), not the registry's figures.
        [Permission.ViewAggregates] = [.. Roles.All.Where(r => r is not (Roles.Reporter or Roles.IndependentMonitor))],
        [Permission.ReadPersonalData] = [Roles.Administrator, Roles.DistrictCoordinator, Roles.Supervisor, Roles.SocialWorker, Roles.ServiceProvider, Roles.HotlineOperator],
        [Permission.WriteRegistry] = [Roles.Administrator, Roles.DistrictCoordinator, Roles.Supervisor, Roles.SocialWorker, Roles.HotlineOperator],
        [Permission.DeleteRegistry] = [Roles.Administrator, Roles.Supervisor],
        [Permission.ReadAudit] = [Roles.Administrator, Roles.Auditor],
        [Permission.ManageUsers] = [Roles.Administrator],
        [Permission.ManageFrameworks] = [Roles.Administrator, Roles.NationalAnalyst],
        // Case data is read by the people who work cases and their line; hotline operators, analysts and monitors do not.
        [Permission.ReadCases] = [Roles.Administrator, Roles.DistrictCoordinator, Roles.Supervisor, Roles.SocialWorker],
        [Permission.WorkCases] = [Roles.Supervisor, Roles.SocialWorker],
        [Permission.ApproveCases] = [Roles.Supervisor],
        [Permission.RespondReferrals] = [Roles.ServiceProvider, Roles.SocialWorker, Roles.Supervisor],
        [Permission.ReadSensitiveNotes] = [Roles.DistrictCoordinator],
        // Violence reports are need-to-know: the responders of the district and the auditor; who reported, only the
        // people who triage (hotline, coordinator) and the auditor.
        [Permission.ReportViolence] = [Roles.Reporter, Roles.HotlineOperator, Roles.SocialWorker, Roles.Supervisor, Roles.DistrictCoordinator],
        [Permission.ReadVacReports] = [Roles.HotlineOperator, Roles.SocialWorker, Roles.Supervisor, Roles.DistrictCoordinator, Roles.Auditor],
        [Permission.TriageVacReports] = [Roles.Supervisor, Roles.DistrictCoordinator],
        [Permission.RespondVacReports] = [Roles.SocialWorker, Roles.Supervisor, Roles.DistrictCoordinator],
        [Permission.ReadReporterIdentity] = [Roles.HotlineOperator, Roles.DistrictCoordinator, Roles.Auditor],
        [Permission.ManageServices] = [Roles.Administrator, Roles.DistrictCoordinator],
        [Permission.EditServices] = [Roles.Administrator, Roles.DistrictCoordinator, Roles.ServiceProvider],
        [Permission.ManageServiceTypes] = [Roles.Administrator],
        [Permission.ManageIndicators] = [Roles.Administrator, Roles.NationalAnalyst],
        [Permission.ViewInstitutions] = [Roles.Administrator, Roles.NationalAnalyst, Roles.DistrictCoordinator, Roles.Auditor, Roles.IndependentMonitor],
        [Permission.ManageInstitutions] = [Roles.Administrator, Roles.DistrictCoordinator],
        // Independence: only the monitors visit and record; the authorities answer.
        [Permission.MonitorInstitutions] = [Roles.IndependentMonitor],
        [Permission.ManageProgrammes] = [Roles.Administrator, Roles.NationalAnalyst, Roles.DistrictCoordinator],
        [Permission.RecordContacts] = [Roles.Administrator, Roles.DistrictCoordinator, Roles.Supervisor, Roles.SocialWorker, Roles.ServiceProvider],
        // An NGO running counselling meets children nobody has registered; it registers them, and they join its staff's caseload.
        [Permission.RegisterParticipants] = [Roles.Administrator, Roles.DistrictCoordinator, Roles.Supervisor, Roles.SocialWorker, Roles.ServiceProvider],
        [Permission.ManageFeeds] = [Roles.Administrator],
    };

    public static bool Allows(Permission permission, IEnumerable<string> roles) =>
        roles.Any(r => Grants[permission].Contains(r, StringComparer.Ordinal));

    public static IReadOnlyList<string> RolesWith(Permission permission) => Grants[permission];
}
