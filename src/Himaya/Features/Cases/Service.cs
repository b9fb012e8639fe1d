namespace Himaya.Features.Cases;

public enum ServiceKind { StateBody, Ngo, Health, Education, LegalAid, Mhpss, Rehabilitation, SocialProtection }

/// <summary>
/// A service children can be referred to. Its users are the staff of its <see cref="Agency"/>: they see and answer the
/// referrals sent to it. It serves children of <see cref="MinAge"/>–<see cref="MaxAge"/> in <see cref="Areas"/>
/// (administrative unit codes, comma-separated; empty means the whole country).
/// </summary>
public sealed class Service
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public ServiceKind Kind { get; set; }
    public required string Agency { get; set; }
    public int MinAge { get; set; }
    public int MaxAge { get; set; } = 17;
    public string Areas { get; set; } = "";
    public string? Contact { get; set; }
    public bool Active { get; set; } = true;
}
