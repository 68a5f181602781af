using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace ProbeHarness.TargetApp.Tests.Support;

/// <summary>The built target app running as a child process on free loopback ports, with its stdout captured.</summary>
/// <remarks>Each instance gets its own ports and work directory (health and memory files), so tests can run in parallel.</remarks>
public sealed class TargetAppProcess : IAsyncDisposable
{
    private const int ListenFailedExitCode = 3;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly SemaphoreSlim _lineArrived = new(0);
    private readonly StringBuilder _errors = new();

    private TargetAppProcess(Process process, int httpPort, int tcpPort, int grpcPort, string workDirectory)
    {
        _process = process;
        HttpPort = httpPort;
        TcpPort = tcpPort;
        GrpcPort = grpcPort;
        WorkDirectory = workDirectory;
        Http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{httpPort}"),
            Timeout = TimeSpan.FromSeconds(10),
        };
    }

    /// <summary>The HTTP port (probes, work, fault API).</summary>
    public int HttpPort { get; }

    /// <summary>The raw TCP port.</summary>
    public int TcpPort { get; }

    /// <summary>The gRPC port.</summary>
    public int GrpcPort { get; }

    /// <summary>This instance's own temporary directory, holding its health file and memory file; deleted on dispose.</summary>
    public string WorkDirectory { get; }

    /// <summary>Default path of the health file.</summary>
    public string HealthFile => Path.Combine(WorkDirectory, "healthy");

    /// <summary>Default path of the memory file.</summary>
    public string MemoryFile => Path.Combine(WorkDirectory, "memory-mb");

    /// <summary>A client for the HTTP port that does not follow redirects.</summary>
    public HttpClient Http { get; }

    /// <summary>The process id.</summary>
    public int ProcessId => _process.Id;

    /// <summary>Whether the process has ended.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>The exit code, once the process has ended.</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>Stdout lines so far.</summary>
    public IReadOnlyList<string> OutputLines => [.. _lines];

    /// <summary>Stderr so far.</summary>
    public string ErrorOutput
    {
        get
        {
            lock (_errors)
            {
                return _errors.ToString();
            }
        }
    }

    /// <summary>Path of the app's dll, which the test project's reference copies next to the tests.</summary>
    public static string AppDll => Path.Combine(AppContext.BaseDirectory, "ProbeHarness.TargetApp.dll");

    /// <summary>Starts the app with the test defaults plus <paramref name="environment"/> (a null value removes a variable) and, unless told not to, waits for its HTTP port.</summary>
    /// <remarks>A port picked free can be taken by someone else before the app binds it; the app then exits with 3 and is started again on new ports.</remarks>
    public static async Task<TargetAppProcess> StartAsync(
        IReadOnlyDictionary<string, string?>? environment = null,
        bool waitUntilListening = true)
    {
        const int attempts = 3;
        for (var attempt = 1; ; attempt++)
        {
            var app = Launch(environment);
            if (!waitUntilListening)
            {
                return app;
            }

            try
            {
                await app.WaitUntilListeningAsync(StartTimeout);
                return app;
            }
            catch (InvalidOperationException) when (attempt < attempts && app.HasExited && app.ExitCode == ListenFailedExitCode)
            {
                await app.DisposeAsync();
            }
            catch
            {
                await app.DisposeAsync();
                throw;
            }
        }
    }

    private static TargetAppProcess Launch(IReadOnlyDictionary<string, string?>? environment)
    {
        var ports = FreePorts.Take(3);
        var workDirectory = Directory.CreateTempSubdirectory("target-app-test-").FullName;
        var start = new ProcessStartInfo(DotnetHost(), $"\"{AppDll}\"")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workDirectory,
        };
        var variables = new Dictionary<string, string?>
        {
            ["PORT"] = ports[0].ToString(),
            ["TCP_PORT"] = ports[1].ToString(),
            ["GRPC_PORT"] = ports[2].ToString(),
            ["BIND_ADDRESS"] = "127.0.0.1",
            ["POD_NAME"] = "test-pod",
            ["FAULTS_ENABLED"] = "true",
            ["HEALTH_FILE"] = Path.Combine(workDirectory, "healthy"),
            ["MEMORY_FILE"] = Path.Combine(workDirectory, "memory-mb"),
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            variables[name] = value;
        }

        foreach (var (name, value) in variables)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        // A caller may choose the ports (a proxy keeps clear of its routes'): the process listens where its variables say.
        int PortOf(string name, int picked) => int.TryParse(variables[name], out var chosen) ? chosen : picked;
        var app = new TargetAppProcess(process, PortOf("PORT", ports[0]), PortOf("TCP_PORT", ports[1]), PortOf("GRPC_PORT", ports[2]), workDirectory);
        process.OutputDataReceived += (_, line) => app.OnOutput(line.Data);
        process.ErrorDataReceived += (_, line) => app.OnError(line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return app;
    }

    /// <summary>Waits for the app's <c>listening</c> log line (all three ports bound); fails with the app's output if it exits or times out.</summary>
    public async Task WaitUntilListeningAsync(TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (OutputLines.Any(line => line.Contains("\"kind\":\"listening\"", StringComparison.Ordinal)))
            {
                return;
            }

            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the target app exited with {_process.ExitCode} before listening.\n{Describe()}");
            }

            await _lineArrived.WaitAsync(TimeSpan.FromMilliseconds(50));
        }

        throw new TimeoutException($"the target app did not start listening within {timeout}.\n{Describe()}");
    }

    /// <summary>Whether <paramref name="port"/> on 127.0.0.1 accepts a TCP connection now.</summary>
    public static async Task<bool> IsAcceptingAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await client.ConnectAsync("127.0.0.1", port, timeout.Token);
            return true;
        }
        catch (Exception exception) when (exception is SocketException or OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Sends a POSIX signal to the app.</summary>
    public void Signal(int signal) => PosixSignals.Send(_process.Id, signal);

    /// <summary>Waits for the process to exit and returns its exit code (128+signal when a signal killed it).</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"the target app did not exit within {timeout}.\n{Describe()}");
        }

        return _process.ExitCode;
    }

    /// <summary>Sends SIGTERM and returns the exit code.</summary>
    public async Task<int> StopAsync(TimeSpan timeout)
    {
        Signal(PosixSignals.SigTerm);
        return await WaitForExitAsync(timeout);
    }

    /// <summary>Stdout lines parsed as JSON (throws if one is not JSON: every line must be).</summary>
    public IReadOnlyList<JsonElement> JsonLines() =>
        OutputLines.Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToList();

    /// <summary>Waits until a stdout JSON line satisfies <paramref name="match"/> and returns it.</summary>
    public async Task<JsonElement> WaitForLineAsync(Func<JsonElement, bool> match, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            foreach (var line in OutputLines)
            {
                using var document = JsonDocument.Parse(line);
                if (match(document.RootElement))
                {
                    return document.RootElement.Clone();
                }
            }

            var left = timeout - deadline.Elapsed;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"no matching log line within {timeout}.\n{Describe()}");
            }

            await _lineArrived.WaitAsync(left < TimeSpan.FromMilliseconds(200) ? left : TimeSpan.FromMilliseconds(200));
        }
    }

    /// <summary>The event lines (<c>"probeHarnessEvent":…</c>) so far, in log order.</summary>
    public IReadOnlyList<JsonElement> EventLines() =>
        JsonLines().Where(line => line.TryGetProperty("probeHarnessEvent", out _)).ToList();

    /// <summary>Waits for an event line named <paramref name="name"/> that satisfies <paramref name="match"/> (any, when null) and returns it.</summary>
    public Task<JsonElement> WaitForEventAsync(string name, Func<JsonElement, bool>? match = null, TimeSpan? timeout = null) =>
        WaitForLineAsync(
            json => json.TryGetProperty("probeHarnessEvent", out var marker) && marker.GetString() == name && (match is null || match(json)),
            timeout ?? TimeSpan.FromSeconds(10));

    /// <summary>The app's output, for failure messages.</summary>
    public string Describe() => $"stdout:\n{string.Join('\n', OutputLines)}\nstderr:\n{ErrorOutput}";

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill.
        }

        _process.Dispose();
        Directory.Delete(WorkDirectory, recursive: true);
    }

    /// <summary>Sends <c>PUT /faults/{target}</c> with <paramref name="json"/>.</summary>
    public Task<HttpResponseMessage> PutFaultAsync(string target, string json) =>
        Http.PutAsync($"/faults/{target}", new StringContent(json, System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

    /// <summary>Sends <c>POST /faults/{action}</c> with <paramref name="json"/>.</summary>
    public Task<HttpResponseMessage> PostFaultAsync(string action, string json) =>
        Http.PostAsync($"/faults/{action}", new StringContent(json, System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

    /// <summary>The status code of <c>GET <paramref name="path"/></c>.</summary>
    public async Task<int> StatusOfAsync(string path)
    {
        using var response = await Http.GetAsync(path, TestContext.Current.CancellationToken);
        return (int)response.StatusCode;
    }

    /// <summary>The JSON body of <c>GET <paramref name="path"/></c> (any status).</summary>
    public async Task<JsonElement> JsonOfAsync(string path)
    {
        using var response = await Http.GetAsync(path, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    private void OnOutput(string? line)
    {
        if (line is null)
        {
            return;
        }

        _lines.Enqueue(line);
        _lineArrived.Release();
    }

    private void OnError(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_errors)
        {
            _errors.AppendLine(line);
        }
    }
}
