namespace Himaya.Platform;

/// <summary>The expected ways a use case ends. Unexpected failures are exceptions, handled once in ErrorHandling.</summary>
public abstract record Outcome<T>
{
    public sealed record Ok(T Value) : Outcome<T>;
    public sealed record Invalid(FieldErrors Errors) : Outcome<T>;
    /// <summary>Also used for records outside the caller's scope, so their existence is not revealed.</summary>
    public sealed record NotFound : Outcome<T>;
    /// <summary>
    /// Refused because of the record's state or a newer version; <paramref name="Current"/> is the record as it is now, to
    /// show the other change; <paramref name="Refusal"/>, when the refusal has a code (pages translate by it).
    /// </summary>
    public sealed record Conflict(string Field, string Message, object? Current = null, Refusal? Refusal = null) : Outcome<T>;

    /// <summary>A coded refusal as a conflict (409) or, when it concerns what was sent, as a field error (400).</summary>
    public static Outcome<T> Refused(Refusal r, object? current = null) =>
        r.IsFieldError ? new Invalid(new FieldErrors().Add(r)) : new Conflict(r.Field, r.Message, current, r);
    /// <summary>The role may not do this; or, with a refusal, this person may not (its text is the 403's title, pages translate it by code).</summary>
    public sealed record Forbidden(Refusal? Refusal = null) : Outcome<T>
    {
        public string? Reason => Refusal?.Message;
    }

    public static implicit operator Outcome<T>(T value) => new Ok(value);
}

public static class OutcomeResults
{
    public static IResult ToResult<T>(this Outcome<T> outcome, Func<T, IResult> ok) => outcome switch
    {
        Outcome<T>.Ok o => ok(o.Value),
        Outcome<T>.Invalid i => i.Errors.ToProblem(),
        Outcome<T>.NotFound => TypedResults.Problem(statusCode: 404, title: "Not found."),
        Outcome<T>.Conflict c => TypedResults.Problem(statusCode: 409, title: c.Message, extensions: ConflictExtensions(c)),
        Outcome<T>.Forbidden f => TypedResults.Problem(statusCode: 403, title: f.Reason ?? "Your role does not allow this.",
            extensions: f.Refusal is { } r ? new Dictionary<string, object?> { ["code"] = r.Code } : null),
        _ => throw new InvalidOperationException("Unknown outcome."),
    };

    private static Dictionary<string, object?> ConflictExtensions<T>(Outcome<T>.Conflict c)
    {
        var x = new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [c.Field] = [c.Message] } };
        if (c.Refusal is { } r) x["code"] = r.Code;
        if (c.Current is not null) x["current"] = c.Current;
        return x;
    }
}
