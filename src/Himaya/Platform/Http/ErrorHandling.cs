using Microsoft.AspNetCore.Diagnostics;

namespace Himaya.Platform;

/// <summary>The one handler for the unexpected: logs it (no personal data in the message) and answers ProblemDetails.</summary>
public sealed partial class ErrorHandling(ILogger<ErrorHandling> logger, IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (exception is BadHttpRequestException bad)
        {
            http.Response.StatusCode = bad.StatusCode;
            return await problems.TryWriteAsync(new() { HttpContext = http, ProblemDetails = { Status = bad.StatusCode, Title = "The request could not be read." } });
        }
        LogUnhandled(logger, exception.GetType().Name, http.Request.Path, exception);
        http.Response.StatusCode = StatusCodes.Status500InternalServerError;
        return await problems.TryWriteAsync(new()
        {
            HttpContext = http,
            Exception = exception,
            ProblemDetails = { Status = 500, Title = "Something went wrong on our side. Try again; if it keeps happening, tell your administrator." },
        });
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled {ExceptionType} on {Path}")]
    private static partial void LogUnhandled(ILogger logger, string exceptionType, string path, Exception exception);
}
