namespace Himaya.Infrastructure;

/// <summary>The expected ways a use case ends. Unexpected failures are exceptions, handled once in ErrorHandling.</summary>
public abstract record Outcome<T>
{
    public sealed record Ok(T Value) : Outcome<T>;
    public sealed record Invalid(FieldErrors Errors) : Outcome<T>;
    /// <summary>Also used for records outside the caller's scope, so their existence is not revealed.</summary>
    public sealed record NotFound : Outcome<T>;
    public sealed record Conflict(string Field, string Message) : Outcome<T>;
    public sealed record Forbidden : Outcome<T>;

    public static implicit operator Outcome<T>(T value) => new Ok(value);
}

public static class OutcomeResults
{
    public static IResult ToResult<T>(this Outcome<T> outcome, Func<T, IResult> ok) => outcome switch
    {
        Outcome<T>.Ok o => ok(o.Value),
        Outcome<T>.Invalid i => i.Errors.ToProblem(),
        Outcome<T>.NotFound => TypedResults.Problem(statusCode: 404, title: "Not found."),
        Outcome<T>.Conflict c => TypedResults.Problem(statusCode: 409, title: c.Message,
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [c.Field] = [c.Message] } }),
        Outcome<T>.Forbidden => TypedResults.Problem(statusCode: 403, title: "Your role does not allow this."),
        _ => throw new InvalidOperationException("Unknown outcome."),
    };
}
