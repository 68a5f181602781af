using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using k8s.Autorest;

namespace ProbeHarness.Kubernetes.Api;

/// <summary>Reads KubernetesClient's exceptions: the HTTP status, whether retrying can help, and a one-line description.</summary>
public static class ApiErrors
{
    /// <summary>The HTTP status the API server answered with, or null when it did not answer.</summary>
    public static HttpStatusCode? StatusOf(Exception exception) =>
        exception is HttpOperationException { Response: { } response } ? response.StatusCode : null;

    /// <summary>True for 404 Not Found.</summary>
    public static bool IsNotFound(Exception exception) => StatusOf(exception) == HttpStatusCode.NotFound;

    /// <summary>True for 409 Conflict (the object already exists, or a write raced another).</summary>
    public static bool IsConflict(Exception exception) => StatusOf(exception) == HttpStatusCode.Conflict;

    /// <summary>True when the same call may succeed later: 429, 5xx, a dropped or refused connection, or a client-side timeout.</summary>
    /// <param name="exception">What the call threw.</param>
    /// <param name="callerToken">The caller's token: a cancellation the caller asked for is never transient.</param>
    public static bool IsTransient(Exception exception, CancellationToken callerToken)
    {
        if (StatusOf(exception) is { } status)
        {
            return status is HttpStatusCode.TooManyRequests or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway
                or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;
        }

        return exception switch
        {
            OperationCanceledException => !callerToken.IsCancellationRequested,
            HttpRequestException or IOException or SocketException or TimeoutException => true,
            _ => false,
        };
    }

    /// <summary>True when the API server could not be reached at all (as opposed to answering with an error).</summary>
    public static bool IsUnreachable(Exception exception) =>
        exception is HttpRequestException or IOException or SocketException || exception.InnerException is SocketException;

    /// <summary>One line: the status and the API server's own message, or the transport error.</summary>
    public static string Describe(Exception exception)
    {
        if (exception is HttpOperationException { Response: { } response })
        {
            return $"HTTP {(int)response.StatusCode} {response.StatusCode}: {StatusMessage(response.Content) ?? response.ReasonPhrase ?? "no message"}";
        }

        var innermost = exception;
        while (innermost.InnerException is not null)
        {
            innermost = innermost.InnerException;
        }

        return ReferenceEquals(innermost, exception) ? exception.Message : $"{exception.Message} ({innermost.Message})";
    }

    private static string? StatusMessage(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("message", out var message)
                && message.ValueKind == JsonValueKind.String
                    ? message.GetString()
                    : body.Trim();
        }
        catch (JsonException)
        {
            return body.Trim();
        }
    }
}
