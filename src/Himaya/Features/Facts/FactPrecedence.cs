namespace Himaya.Features.Facts;

/// <summary>
/// Which observation of a fact is the child's current value: the preferred source's newest when it has said anything,
/// otherwise the newest of all (by the day observed, then the moment received). Pure: the profile, the API and the
/// analyses read the same choice.
/// </summary>
public static class FactPrecedence
{
    public static T? Current<T>(IEnumerable<T> observations, string? preferredSource, Func<T, string> source, Func<T, DateOnly> observedOn, Func<T, DateTime> receivedAt)
        where T : class
    {
        var newestFirst = observations.OrderByDescending(observedOn).ThenByDescending(receivedAt).ToList();
        return (preferredSource is null ? null : newestFirst.FirstOrDefault(o => string.Equals(source(o), preferredSource, StringComparison.OrdinalIgnoreCase)))
            ?? newestFirst.FirstOrDefault();
    }
}
