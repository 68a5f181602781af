using System.Net;
using System.Net.Sockets;
using k8s.Autorest;
using ProbeHarness.Kubernetes.Api;

namespace ProbeHarness.Kubernetes.Tests.Api;

public sealed class ApiErrorsTests
{
    private static HttpOperationException Answer(HttpStatusCode status, string body) => new($"Operation returned an invalid status code '{status}'")
    {
        Response = new HttpResponseMessageWrapper(new HttpResponseMessage(status), body),
    };

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests, true)]
    [InlineData(HttpStatusCode.InternalServerError, true)]
    [InlineData(HttpStatusCode.BadGateway, true)]
    [InlineData(HttpStatusCode.ServiceUnavailable, true)]
    [InlineData(HttpStatusCode.GatewayTimeout, true)]
    [InlineData(HttpStatusCode.Conflict, false)]
    [InlineData(HttpStatusCode.NotFound, false)]
    [InlineData(HttpStatusCode.Forbidden, false)]
    [InlineData(HttpStatusCode.UnprocessableEntity, false)]
    public void Only_server_side_statuses_are_transient(HttpStatusCode status, bool transient)
    {
        // Given an API server answer with a status
        var exception = Answer(status, "{}");

        // When it is classified
        // Then only 429 and 5xx may succeed on retry
        Assert.Equal(transient, ApiErrors.IsTransient(exception, CancellationToken.None));
        Assert.Equal(status, ApiErrors.StatusOf(exception));
    }

    [Fact]
    public void Transport_failures_are_transient_but_a_cancellation_the_caller_asked_for_is_not()
    {
        // Given transport failures and a cancelled caller
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        // When they are classified
        // Then connection errors and client timeouts retry, the caller's cancellation does not
        Assert.True(ApiErrors.IsTransient(new HttpRequestException("Connection refused", new SocketException(111)), CancellationToken.None));
        Assert.True(ApiErrors.IsTransient(new IOException("The response ended prematurely."), CancellationToken.None));
        Assert.True(ApiErrors.IsTransient(new TaskCanceledException("client timeout"), CancellationToken.None));
        Assert.False(ApiErrors.IsTransient(new TaskCanceledException("cancelled"), cancelled.Token));
        Assert.False(ApiErrors.IsTransient(new InvalidOperationException("bug"), CancellationToken.None));
        Assert.True(ApiErrors.IsUnreachable(new HttpRequestException("Connection refused", new SocketException(111))));
    }

    [Fact]
    public void Describe_uses_the_status_message_of_the_body()
    {
        // Given a 409 with a Kubernetes Status body, and one with a plain body
        var status = Answer(HttpStatusCode.Conflict, """{"kind":"Status","message":"namespaces \"x\" already exists","reason":"AlreadyExists","code":409}""");
        var plain = Answer(HttpStatusCode.BadGateway, "upstream connect error");

        // When they are described
        // Then the line has the status and the server's message
        Assert.Equal("HTTP 409 Conflict: namespaces \"x\" already exists", ApiErrors.Describe(status));
        Assert.Equal("HTTP 502 BadGateway: upstream connect error", ApiErrors.Describe(plain));
        Assert.True(ApiErrors.IsConflict(status));
        Assert.False(ApiErrors.IsNotFound(status));
    }

    [Fact]
    public void Describe_names_the_innermost_transport_error()
    {
        // Given a wrapped socket error
        var exception = new HttpRequestException("Connection refused (127.0.0.1:6443)", new SocketException((int)SocketError.ConnectionRefused));

        // When it is described
        var line = ApiErrors.Describe(exception);

        // Then both the outer and the inner message are there
        Assert.StartsWith("Connection refused (127.0.0.1:6443) (", line);
    }
}
