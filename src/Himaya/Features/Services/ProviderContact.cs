using System.Net.Mail;
using Himaya.Platform;

namespace Himaya.Features.Services;

/// <summary>A person to call at a provider (a director, a case manager): name, role, and a phone or an email to reach them by.</summary>
public sealed class ProviderContact
{
    public int Id { get; set; }
    public int ProviderId { get; set; }
    public required string Name { get; set; }
    public string? Role { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>What a contact must hold, by the JSON field names: a name, and a phone or an email.</summary>
    public static FieldErrors Check(ContactInput r)
    {
        var e = new FieldErrors();
        if (string.IsNullOrWhiteSpace(r.Name)) e.Add(PlatformErrors.Required("name"));
        else if (r.Name.Trim().Length > 200) e.Add(PlatformErrors.TooLong("name", 200));
        if (r.Role is { Length: > 0 } role && role.Trim().Length > 100) e.Add(PlatformErrors.TooLong("role", 100));
        var phone = ServiceValidation.Clean(r.Phone);
        var email = ServiceValidation.Clean(r.Email);
        if (phone is not null && (phone.Length > 32 || !phone.All(ch => char.IsAsciiDigit(ch) || ch is '+' or ' ' or '-' or '(' or ')'))) e.Add(ServiceErrors.Phone("phone"));
        if (email is not null && (email.Length > 200 || !MailAddress.TryCreate(email, out _))) e.Add(ServiceErrors.Email());
        if (phone is null && email is null) e.Add(ProviderErrors.ContactUnreachable());
        return e;
    }
}
