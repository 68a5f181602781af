using System.Net;
using System.Text.Json;
using ProbeHarness.TargetApp.Lifecycle;
using ProbeHarness.TargetApp.Memory;
using ProbeHarness.TargetApp.Proxy;

namespace ProbeHarness.TargetApp.Configuration;

/// <summary>Everything the app reads from its environment at start; see README.md for each variable.</summary>
public sealed record TargetAppSettings
{
    /// <summary>Address every listener binds to (<c>BIND_ADDRESS</c>, default 0.0.0.0).</summary>
    public required IPAddress BindAddress { get; init; }

    /// <summary>HTTP port for probes, work and the fault API (<c>PORT</c>, default 8080).</summary>
    public required int HttpPort { get; init; }

    /// <summary>Raw TCP port for tcpSocket probes (<c>TCP_PORT</c>, default 8081).</summary>
    public required int TcpPort { get; init; }

    /// <summary>gRPC (h2c) port for grpc probes (<c>GRPC_PORT</c>, default 9090).</summary>
    public required int GrpcPort { get; init; }

    /// <summary>Name reported by the work endpoint (<c>POD_NAME</c>, else the host name).</summary>
    public required string PodName { get; init; }

    /// <summary>The pod IP from the downward API (<c>POD_IP</c>), only echoed.</summary>
    public string? PodIp { get; init; }

    /// <summary>Whether the <c>/faults</c> API exists (<c>FAULTS_ENABLED</c>).</summary>
    public required bool FaultsEnabled { get; init; }

    /// <summary>File that exists exactly while liveness is healthy (<c>HEALTH_FILE</c>, default <c>$TMPDIR/healthy</c>, i.e. /tmp/healthy).</summary>
    public required string HealthFile { get; init; }

    /// <summary>File holding the working set in whole MB, sampled every second (<c>MEMORY_FILE</c>, default <c>$TMPDIR/memory-mb</c>, i.e. /tmp/memory-mb).</summary>
    public required string MemoryFile { get; init; }

    /// <summary>Whether liveness also fails while the dependency is down (<c>LIVENESS_CHECKS_DEPENDENCY</c>).</summary>
    public required bool LivenessChecksDependency { get; init; }

    /// <summary>No port opens until this long after process start (<c>LISTEN_DELAY_SECONDS</c>).</summary>
    public required TimeSpan ListenDelay { get; init; }

    /// <summary>After the ports open, /startupz and /readyz answer 503 for this long (<c>STARTUP_DELAY_SECONDS</c>).</summary>
    public required TimeSpan StartupDelay { get; init; }

    /// <summary>After the ports open, /readyz answers 503 for this long (<c>READY_DELAY_SECONDS</c>).</summary>
    public required TimeSpan ReadyDelay { get; init; }

    /// <summary>Raw JSON of faults applied at start (<c>FAULTS_AT_START</c>); parsed by the fault board.</summary>
    public string? FaultsAtStart { get; init; }

    /// <summary>Directory where fault state is persisted so it survives a restart (<c>FAULT_STATE_DIR</c>).</summary>
    public string? FaultStateDirectory { get; init; }

    /// <summary>How long the app keeps serving after SIGTERM (<c>SHUTDOWN_DELAY_SECONDS</c>).</summary>
    public required TimeSpan ShutdownDelay { get; init; }

    /// <summary>Whether /readyz answers 503 once SIGTERM arrived (<c>READINESS_FAILS_ON_SHUTDOWN</c>).</summary>
    public required bool ReadinessFailsOnShutdown { get; init; }

    /// <summary>Whether SIGTERM is ignored so only SIGKILL stops the app (<c>IGNORE_SIGTERM</c>).</summary>
    public required bool IgnoreSigterm { get; init; }

    /// <summary>The exit code of a graceful stop after SIGTERM/SIGINT (<c>EXIT_CODE_ON_SIGTERM</c>, default 0; 143 mimics an app that dies of the signal).</summary>
    public required int StopExitCode { get; init; }

    /// <summary>The app ends by itself this long after its ports opened, as an init container's work does (<c>EXIT_AFTER_SECONDS</c>; zero: it runs until stopped).</summary>
    public TimeSpan RunFor { get; init; }

    /// <summary>The exit code of a run that ends by itself (<c>EXIT_CODE</c>, default 0).</summary>
    public int RunExitCode { get; init; }

    /// <summary>From this run on (1 = the first), a run that ends by itself exits 0 instead of <see cref="RunExitCode"/> (<c>SUCCEED_FROM_RUN</c>; needs <see cref="RunCountFile"/>).</summary>
    public int? SucceedFromRun { get; init; }

    /// <summary>File that counts the runs over restarts, on a volume that outlives the container (<c>RUN_COUNT_FILE</c>).</summary>
    public string? RunCountFile { get; init; }

    /// <summary>Reads the settings through <paramref name="lookup"/>; throws <see cref="SettingsException"/> naming a bad variable.</summary>
    public static TargetAppSettings FromEnvironment(Func<string, string?> lookup)
    {
        var env = new EnvironmentReader(lookup);
        // TMPDIR is unset in a real container (so /tmp); the emulated backend points it at the container's own /tmp.
        var temporary = env.Text("TMPDIR") ?? "/tmp";
        var bindAddress = env.Address("BIND_ADDRESS", IPAddress.Any);
        var httpPort = env.Port("PORT", 8080);
        return new TargetAppSettings
        {
            BindAddress = bindAddress,
            HttpPort = httpPort,
            TcpPort = env.Port("TCP_PORT", 8081),
            GrpcPort = env.Port("GRPC_PORT", 9090),
            PodName = env.Text("POD_NAME") ?? Environment.MachineName,
            PodIp = env.Text("POD_IP"),
            FaultsEnabled = env.Flag("FAULTS_ENABLED"),
            HealthFile = env.Text("HEALTH_FILE") ?? Path.Combine(temporary, "healthy"),
            MemoryFile = env.Text("MEMORY_FILE") ?? Path.Combine(temporary, "memory-mb"),
            LivenessChecksDependency = env.Flag("LIVENESS_CHECKS_DEPENDENCY"),
            ListenDelay = env.Seconds("LISTEN_DELAY_SECONDS"),
            StartupDelay = env.Seconds("STARTUP_DELAY_SECONDS"),
            ReadyDelay = env.Seconds("READY_DELAY_SECONDS"),
            FaultsAtStart = env.Text("FAULTS_AT_START"),
            FaultStateDirectory = env.Text("FAULT_STATE_DIR"),
            ShutdownDelay = env.Seconds("SHUTDOWN_DELAY_SECONDS"),
            ReadinessFailsOnShutdown = env.Flag("READINESS_FAILS_ON_SHUTDOWN"),
            IgnoreSigterm = env.Flag("IGNORE_SIGTERM"),
            StopExitCode = env.ExitCode("EXIT_CODE_ON_SIGTERM", ExitCodes.Stopped),
            RunFor = env.Seconds("EXIT_AFTER_SECONDS"),
            RunExitCode = env.ExitCode("EXIT_CODE", 0),
            SucceedFromRun = env.Text("SUCCEED_FROM_RUN") is null ? null : Math.Max(1, env.ExitCode("SUCCEED_FROM_RUN", 1)),
            RunCountFile = env.Text("RUN_COUNT_FILE") ?? (env.Text("SUCCEED_FROM_RUN") is null ? null
                : throw new SettingsException("SUCCEED_FROM_RUN", "needs RUN_COUNT_FILE, a file on a volume that outlives the container, to count the runs")),
            LeakLimits = new LeakLimits(
                env.Megabytes(LeakLimits.PerCallVariable, LeakLimits.Default.PerCallMegabytes, LeakLimits.MaxMegabytes),
                env.Megabytes(LeakLimits.TotalVariable, LeakLimits.Default.TotalMegabytes, LeakLimits.MaxMegabytes)),
            Proxy = ProxySettings.FromEnvironment(env, bindAddress, httpPort),
        };
    }

    /// <summary>The probe fault proxy mode (<c>PROXY_ROUTES</c>, <c>PROXY_APP_HOST</c>, <c>PROXY_SIGNAL_PORTS</c>); null for the normal target app.</summary>
    public ProxySettings? Proxy { get; init; }

    /// <summary>How much the leak fault may leak per call and in all (<c>LEAK_MAX_MEGABYTES_PER_CALL</c>, <c>LEAK_MAX_MEGABYTES_TOTAL</c>).</summary>
    public LeakLimits LeakLimits { get; init; } = LeakLimits.Default;

    /// <summary>Writes the settings as JSON properties (for the start log line).</summary>
    public void WriteTo(Utf8JsonWriter json)
    {
        json.WriteString("bindAddress", BindAddress.ToString());
        json.WriteNumber("port", HttpPort);
        json.WriteNumber("tcpPort", TcpPort);
        json.WriteNumber("grpcPort", GrpcPort);
        json.WriteString("podName", PodName);
        json.WriteString("podIp", PodIp);
        json.WriteBoolean("faultsEnabled", FaultsEnabled);
        json.WriteString("healthFile", HealthFile);
        json.WriteString("memoryFile", MemoryFile);
        json.WriteBoolean("livenessChecksDependency", LivenessChecksDependency);
        json.WriteNumber("listenDelaySeconds", ListenDelay.TotalSeconds);
        json.WriteNumber("startupDelaySeconds", StartupDelay.TotalSeconds);
        json.WriteNumber("readyDelaySeconds", ReadyDelay.TotalSeconds);
        json.WriteString("faultsAtStart", FaultsAtStart);
        json.WriteString("faultStateDir", FaultStateDirectory);
        json.WriteNumber("shutdownDelaySeconds", ShutdownDelay.TotalSeconds);
        json.WriteBoolean("readinessFailsOnShutdown", ReadinessFailsOnShutdown);
        json.WriteBoolean("ignoreSigterm", IgnoreSigterm);
        json.WriteNumber("exitCodeOnSigterm", StopExitCode);
        json.WriteNumber("exitAfterSeconds", RunFor.TotalSeconds);
        json.WriteNumber("exitCode", RunExitCode);
        json.WriteNumber("leakMaxMegabytesPerCall", LeakLimits.PerCallMegabytes);
        json.WriteNumber("leakMaxMegabytesTotal", LeakLimits.TotalMegabytes);
        Proxy?.WriteTo(json);
    }
}
