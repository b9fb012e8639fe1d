using Himaya.Platform;

namespace Himaya.Features.Audit;

/// <summary>The refusals of reading the audit trail, each with a stable code; texts in Audit/Texts.json as <c>Error.&lt;code&gt;</c>.</summary>
public static class AuditErrors
{
    public static Refusal NotADateTime(string field) => Refusal.OnField("audit.not-a-date-time", field);
}
