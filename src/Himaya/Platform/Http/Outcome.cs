namespace Himaya.Platform;

/// <summary>The expected ways a use case ends. Unexpected failures are exceptions, handled once in ErrorHandling.</summary>
public abstract record Outcome<T>
{
    public sealed record Ok(T Value) : Outcome<T>;
    public sealed record Invalid(FieldErrors Errors) : Outcome<T>;
    /// <summary>Also used for records outside the caller's scope, so their existence is not revealed.</summary>
    public sealed record NotFound : Outcome<T>;
    /// <summary>Refused because of the record's state or a newer version; <paramref name="Current"/> is the record as it is now, to show the other change.</summary>
    public sealed record Conflict(string Field, string Message, object? Current = null) : Outcome<T>;
    /// <summary>The role (or, with a reason, the person) may not do this.</summary>
    public sealed record Forbidden(string? Reason = null) : Outcome<T>;

    public static implicit operator Outcome<T>(T value) => new Ok(value);
}

public static class OutcomeResults
{
    public static IResult ToResult<T>(this Outcome<T> outcome, Func<T, IResult> ok) => outcome switch
    {
        Outcome<T>.Ok o => ok(o.Value),
        Outcome<T>.Invalid i => i.Errors.ToProblem(),
        Outcome<T>.NotFound => TypedResults.Problem(statusCode: 404, title: "Not found."),
        Outcome<T>.Conflict c => TypedResults.Problem(statusCode: 409, title: c.Message, extensions: c.Current is null
            ? new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [c.Field] = [c.Message] } }
            : new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [c.Field] = [c.Message] }, ["current"] = c.Current }),
        Outcome<T>.Forbidden f => TypedResults.Problem(statusCode: 403, title: f.Reason ?? "Your role does not allow this."),
        _ => throw new InvalidOperationException("Unknown outcome."),
    };
}
