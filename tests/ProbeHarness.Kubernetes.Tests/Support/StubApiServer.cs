using System.Collections.Concurrent;
using System.Net;
using k8s;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ProbeHarness.Kubernetes.Api;
using ProbeHarness.Kubernetes.Namespaces;

namespace ProbeHarness.Kubernetes.Tests.Support;

/// <summary>A stand-in API server on 127.0.0.1: it records every request and answers from the routes a test sets up.</summary>
/// <remarks>Unmatched requests get a 404 Status, as the real API server would for an unknown path.</remarks>
public sealed class StubApiServer : IAsyncDisposable
{
    public static readonly ApiRetrySettings FastRetry = new(3, TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(20));

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly List<Route> _routes = [];

    private StubApiServer(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToList();

    public static async Task<StubApiServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var stub = new StubApiServer(app);
        app.Run(stub.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        stub.BaseAddress = new Uri(address);
        return stub;
    }

    /// <summary>Answers non-watch requests to a path with the responses in turn; the last one repeats.</summary>
    public StubApiServer On(string method, string path, params StubResponse[] responses) =>
        Add(method, path, request => !request.IsWatch, responses);

    /// <summary>Answers watch requests (<c>watch=true</c>) to a path with the responses in turn; the last one repeats.</summary>
    public StubApiServer OnWatch(string path, params StubResponse[] responses) =>
        Add("GET", path, request => request.IsWatch, responses);

    public IReadOnlyList<RecordedRequest> RequestsTo(string method, string path) =>
        Requests.Where(request => request.Method == method && request.Path == path).ToList();

    /// <summary>A client configuration pointing at the stub, with a bearer token so credential handling is visible.</summary>
    public KubernetesClientConfiguration Configuration(string? tlsServerName = null) => new()
    {
        Host = BaseAddress.ToString(),
        AccessToken = "stub-token",
        TlsServerName = tlsServerName,
    };

    public KubernetesConnection Connect(ApiRetrySettings? retry = null, string? tlsServerName = null) =>
        KubernetesConnection.Create(Configuration(tlsServerName), "/tmp/stub-kubeconfig.yaml", null, retry ?? FastRetry, TimeProvider.System);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private StubApiServer Add(string method, string path, Func<RecordedRequest, bool> predicate, StubResponse[] responses)
    {
        lock (_routes)
        {
            _routes.Add(new Route(method, path, predicate, responses));
        }

        return this;
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var request = new RecordedRequest(
            context.Request.Method,
            context.Request.Path.Value ?? "/",
            context.Request.Query.ToDictionary(pair => pair.Key, pair => pair.Value.ToString()),
            body,
            context.Request.ContentType,
            context.Request.Headers.ToDictionary(pair => pair.Key, pair => pair.Value.ToString(), StringComparer.OrdinalIgnoreCase));
        _requests.Enqueue(request);

        Route? route;
        lock (_routes)
        {
            route = _routes.FirstOrDefault(candidate =>
                candidate.Method == request.Method && candidate.Path == request.Path && candidate.Predicate(request));
        }

        var response = route?.Next() ?? StubResponse.Status(404, "NotFound", $"the server could not find the requested resource ({request.Method} {request.Path})");
        context.Response.StatusCode = response.Code;
        context.Response.ContentType = "application/json";
        if (response.Binary is not null)
        {
            context.Response.ContentType = "application/x-tar";
            await context.Response.Body.WriteAsync(response.Binary);
            return;
        }

        if (response.WatchLines is null)
        {
            await context.Response.WriteAsync(response.Body);
            return;
        }

        await context.Response.StartAsync();
        foreach (var line in response.WatchLines)
        {
            await context.Response.WriteAsync(line + "\n");
            await context.Response.Body.FlushAsync();
        }

        if (response.HoldOpen)
        {
            try
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // The client left.
            }
        }
    }

    private sealed class Route(string method, string path, Func<RecordedRequest, bool> predicate, StubResponse[] responses)
    {
        private int _next;

        public string Method { get; } = method;

        public string Path { get; } = path;

        public Func<RecordedRequest, bool> Predicate { get; } = predicate;

        public StubResponse Next()
        {
            var index = Interlocked.Increment(ref _next) - 1;
            return responses[Math.Min(index, responses.Length - 1)];
        }
    }
}
