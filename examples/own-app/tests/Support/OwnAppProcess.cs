using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace OwnApp.Tests.Support;

/// <summary>The built service as a child process on free loopback ports, with stdout and stderr captured.</summary>
internal sealed class OwnAppProcess : IAsyncDisposable
{
    /// <summary>How long anything the tests wait for may take on a slow, shared machine.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly SemaphoreSlim _lineArrived = new(0);
    private readonly StringBuilder _errors = new();

    private OwnAppProcess(Process process, int httpPort, int tcpPort)
    {
        _process = process;
        HttpPort = httpPort;
        TcpPort = tcpPort;
        Http = new HttpClient(new SocketsHttpHandler { UseProxy = false })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{httpPort}"),
            Timeout = TimeSpan.FromSeconds(10),
        };
    }

    /// <summary>The HTTP port.</summary>
    public int HttpPort { get; }

    /// <summary>The raw TCP port.</summary>
    public int TcpPort { get; }

    /// <summary>A client for the HTTP port.</summary>
    public HttpClient Http { get; }

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

    /// <summary>Starts the service on free loopback ports plus <paramref name="environment"/> (which may override them).</summary>
    public static OwnAppProcess Start(IReadOnlyDictionary<string, string>? environment = null)
    {
        var ports = FreePorts.Take(2);
        var dll = Path.Combine(AppContext.BaseDirectory, "OwnApp.dll");
        var start = new ProcessStartInfo(DotnetHost(), $"\"{dll}\"")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["PORT"] = ports[0].ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["TCP_PORT"] = ports[1].ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["BIND_ADDRESS"] = "127.0.0.1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var app = new OwnAppProcess(process, ports[0], ports[1]);
        process.OutputDataReceived += (_, line) => app.OnOutput(line.Data);
        process.ErrorDataReceived += (_, line) => app.OnError(line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return app;
    }

    /// <summary>Starts the service and waits for its <c>started</c> line; a port taken by someone else meanwhile (exit 3) gets new ports.</summary>
    public static async Task<OwnAppProcess> StartListeningAsync(IReadOnlyDictionary<string, string>? environment = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            var app = Start(environment);
            try
            {
                await app.WaitForEventAsync("started");
                return app;
            }
            catch (InvalidOperationException) when (attempt < 3 && app._process.HasExited && app._process.ExitCode == ExitCodes.ListenFailed)
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

    /// <summary>Waits for the stdout JSON line whose <c>event</c> is <paramref name="name"/>; fails with the output if the process exits first or the deadline passes.</summary>
    public async Task<JsonElement> WaitForEventAsync(string name)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var exited = _process.HasExited;
            if (exited)
            {
                // Returns once the redirected output is drained, so every line is in before the last look.
                await _process.WaitForExitAsync();
            }

            if (Events().FirstOrDefault(json => json.GetProperty("event").GetString() == name) is { ValueKind: JsonValueKind.Object } found)
            {
                return found;
            }

            if (exited)
            {
                throw new InvalidOperationException($"the service exited with {_process.ExitCode} without a '{name}' line.\n{Describe()}");
            }

            if (deadline.Elapsed > Deadline)
            {
                throw new TimeoutException($"no '{name}' line within {Deadline}.\n{Describe()}");
            }

            await _lineArrived.WaitAsync(TimeSpan.FromMilliseconds(200));
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds, polling; fails with the output at the deadline.</summary>
    public async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = Stopwatch.StartNew();
        while (!await condition())
        {
            if (deadline.Elapsed > Deadline || _process.HasExited)
            {
                throw new TimeoutException($"{what}: not within {Deadline} (exited: {_process.HasExited}).\n{Describe()}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Whether the TCP port accepts a connection now.</summary>
    public async Task<bool> TcpAcceptsAsync()
    {
        using var client = new TcpClient();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await client.ConnectAsync("127.0.0.1", TcpPort, timeout.Token);
            return true;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Sends SIGTERM.</summary>
    public void Terminate() => PosixSignals.Send(_process.Id, PosixSignals.SigTerm);

    /// <summary>Waits for the exit and returns the exit code.</summary>
    public async Task<int> WaitForExitAsync()
    {
        using var cancel = new CancellationTokenSource(Deadline);
        try
        {
            // Also waits for the end of the redirected output.
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"the service did not exit within {Deadline}.\n{Describe()}");
        }

        return _process.ExitCode;
    }

    /// <summary>The stdout lines that are lifecycle events, parsed.</summary>
    public IReadOnlyList<JsonElement> Events() => OutputLines.Select(EventOf).OfType<JsonElement>().ToList();

    /// <summary>Stdout and stderr, for failure messages.</summary>
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
    }

    private static JsonElement? EventOf(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("event", out _)
                ? document.RootElement.Clone()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
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
