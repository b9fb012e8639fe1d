namespace Himaya.Features.Cases;

/// <summary>The slots of the case pages that higher features fill with panels: "my work" (violence reports due, say).</summary>
public static class CasesSlots
{
    public const string MyWork = "cases.my-work";
}
