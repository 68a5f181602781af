using System.Diagnostics;
using System.Text.Json;
using ProbeHarness.TargetApp.Configuration;
using ProbeHarness.TargetApp.Faults;

namespace ProbeHarness.TargetApp.Logging;

/// <summary>
/// Writes the structured event lines (<c>"probeHarnessEvent":"…"</c>) with the millisecond instant each event happened, so the
/// harness can time reactions from inside the pod; the one place that fixes their fields (documented in README.md).
/// </summary>
/// <remarks>Each call is one synchronous, flushed write of one line: cheap, and done after the probe's answer is sent.</remarks>
public sealed class AppEventLog
{
    private readonly JsonLineLog _log;
    private readonly TimeProvider _time;

    /// <summary>Creates the event log over the app's line log and clock.</summary>
    public AppEventLog(JsonLineLog log, TimeProvider time)
    {
        _log = log;
        _time = time;
    }

    /// <summary>The instant to stamp an event with: read it at the moment the event happens, before any other work.</summary>
    public DateTimeOffset Now() => _time.GetUtcNow();

    /// <summary><c>process-started</c>: Main was entered at <paramref name="at"/>; the kernel started the process at <paramref name="processStartedAt"/> (10 ms clock ticks).</summary>
    public void ProcessStarted(DateTimeOffset at, int processId, DateTimeOffset? processStartedAt) =>
        _log.WriteEvent(AppEventNames.ProcessStarted, at, json =>
        {
            json.WriteNumber("pid", processId);
            if (processStartedAt is { } started)
            {
                json.WriteString("processStartedAt", JsonOutput.Instant(started));
            }
        });

    /// <summary><c>listening</c>: every port is open.</summary>
    public void Listening(DateTimeOffset at, TargetAppSettings settings) =>
        _log.WriteEvent(AppEventNames.Listening, at, json =>
        {
            json.WriteString("bindAddress", settings.BindAddress.ToString());
            json.WriteNumber("port", settings.HttpPort);
            json.WriteNumber("tcpPort", settings.TcpPort);
            json.WriteNumber("grpcPort", settings.GrpcPort);
        });

    /// <summary><c>probe-answered</c>: an HTTP probe endpoint answered <paramref name="status"/> at <paramref name="at"/>, or (status null) the request was aborted then.</summary>
    /// <param name="at">When the answer was written, or when the request was aborted.</param>
    /// <param name="path">The request path.</param>
    /// <param name="probe">The probe the endpoint serves; null for the redirect target.</param>
    /// <param name="userAgent">The client's User-Agent (the kubelet's is <c>kube-probe/&lt;version&gt;</c>), or null.</param>
    /// <param name="receivedAt">When the handler received the request.</param>
    /// <param name="status">The answered status; null when aborted.</param>
    /// <param name="healthy">Whether the answer counts as a success (2xx, or a redirect).</param>
    /// <param name="abortedBy"><c>client</c> (it closed the connection, e.g. its timeout) or <c>shutdown</c>; null when answered.</param>
    /// <param name="reason">Why the answer was what it was (<c>ok</c>, <c>fault:fail</c>, …).</param>
    /// <param name="startedTimestamp">The handler's <see cref="Stopwatch"/> start, for a monotonic duration.</param>
    /// <param name="sendingAt">When the handler began writing the answer (the earliest the client can have it); null when aborted or unknown.</param>
    public void ProbeAnswered(
        DateTimeOffset at, string path, ProbeKind? probe, string? userAgent, DateTimeOffset receivedAt, int? status, bool healthy, string? abortedBy, string reason, long startedTimestamp,
        DateTimeOffset? sendingAt = null)
    {
        var durationMs = Stopwatch.GetElapsedTime(startedTimestamp).TotalMilliseconds;
        _log.WriteEvent(AppEventNames.ProbeAnswered, at, json =>
        {
            json.WriteString("path", path);
            WriteProbe(json, probe);
            WriteUserAgent(json, userAgent);
            if (status is { } code)
            {
                json.WriteNumber("status", code);
            }

            if (sendingAt is { } sending)
            {
                json.WriteString("sendingAt", JsonOutput.Instant(sending));
            }

            WriteOutcome(json, receivedAt, answered: status is not null, healthy, abortedBy, reason, durationMs);
        });
    }

    /// <summary><c>grpc-answered</c>: a gRPC health check answered <paramref name="servingStatus"/> (or <c>NOT_FOUND</c>), or (null) was aborted.</summary>
    public void GrpcAnswered(
        DateTimeOffset at, string service, ProbeKind? probe, string? userAgent, DateTimeOffset receivedAt, string? servingStatus, bool healthy, string? abortedBy, string reason, long startedTimestamp)
    {
        var durationMs = Stopwatch.GetElapsedTime(startedTimestamp).TotalMilliseconds;
        _log.WriteEvent(AppEventNames.GrpcAnswered, at, json =>
        {
            json.WriteString("service", service);
            WriteProbe(json, probe);
            WriteUserAgent(json, userAgent);
            if (servingStatus is { } answer)
            {
                json.WriteString("servingStatus", answer);
            }

            WriteOutcome(json, receivedAt, answered: servingStatus is not null, healthy, abortedBy, reason, durationMs);
        });
    }

    /// <summary><c>tcp-accepted</c>: the TCP probe port accepted a connection.</summary>
    public void TcpAccepted(DateTimeOffset at, int port, string? remote) =>
        _log.WriteEvent(AppEventNames.TcpAccepted, at, json =>
        {
            json.WriteNumber("port", port);
            json.WriteString("remote", remote);
        });

    /// <summary><c>tcp-port-changed</c>: the TCP probe port is now open (listening) or closed (connections refused).</summary>
    public void TcpPortChanged(DateTimeOffset at, int port, bool open) =>
        _log.WriteEvent(AppEventNames.TcpPortChanged, at, json =>
        {
            json.WriteNumber("port", port);
            json.WriteBoolean("open", open);
        });

    /// <summary><c>health-file-changed</c>: the file <c>cat /tmp/healthy</c> exec probes read now exists, or no longer does.</summary>
    public void HealthFileChanged(DateTimeOffset at, string path, bool present) =>
        _log.WriteEvent(AppEventNames.HealthFileChanged, at, json =>
        {
            json.WriteString("path", path);
            json.WriteBoolean("present", present);
        });

    /// <summary><c>memory-file-changed</c>: the memory file exec probes read now holds <paramref name="megabytes"/>.</summary>
    public void MemoryFileChanged(DateTimeOffset at, string path, long megabytes) =>
        _log.WriteEvent(AppEventNames.MemoryFileChanged, at, json =>
        {
            json.WriteString("path", path);
            json.WriteNumber("megabytes", megabytes);
        });

    /// <summary><c>fault-applied</c> for a probe: its new fault took effect at <paramref name="at"/> (a scheduled one then waits for its window).</summary>
    public void ProbeFaultApplied(DateTimeOffset at, FaultRequest request, ProbeKind probe, ProbeFault fault) =>
        _log.WriteEvent(AppEventNames.FaultApplied, at, json =>
        {
            WriteRequest(json, request, probe.Name());
            WriteProbe(json, probe);
            WriteFault(json, fault);
        });

    /// <summary><c>fault-applied</c> for a switch: <c>tcp</c> (<c>open</c>) or <c>dependency</c> (<c>available</c>).</summary>
    public void SwitchFaultApplied(DateTimeOffset at, FaultRequest request, string target, string field, bool value) =>
        _log.WriteEvent(AppEventNames.FaultApplied, at, json =>
        {
            WriteRequest(json, request, target);
            json.WriteBoolean(field, value);
        });

    /// <summary><c>fault-applied</c> with target <c>all</c>: every fault cleared (<c>DELETE /faults</c>).</summary>
    public void FaultsCleared(DateTimeOffset at, FaultRequest request) =>
        _log.WriteEvent(AppEventNames.FaultApplied, at, json =>
        {
            WriteRequest(json, request, "all");
            json.WriteString("mode", "ok");
        });

    /// <summary><c>fault-applied</c> with target <c>crash</c>: accepted now; <c>process-exiting</c> follows when the process exits.</summary>
    public void CrashRequested(DateTimeOffset at, FaultRequest request, int exitCode) =>
        _log.WriteEvent(AppEventNames.FaultApplied, at, json =>
        {
            WriteRequest(json, request, "crash");
            json.WriteNumber("exitCode", exitCode);
        });

    /// <summary><c>fault-applied</c> with target <c>leak</c>: <paramref name="megabytes"/> more are now held.</summary>
    public void LeakApplied(DateTimeOffset at, FaultRequest request, int megabytes) =>
        _log.WriteEvent(AppEventNames.FaultApplied, at, json =>
        {
            WriteRequest(json, request, "leak");
            json.WriteNumber("megabytes", megabytes);
        });

    /// <summary>One <c>fault-applied</c> per fault the process starts with (<c>FAULTS_AT_START</c> or <c>FAULT_STATE_DIR</c>); nothing when it starts healthy.</summary>
    public void InitialFaults(DateTimeOffset at, string source, FaultSnapshot snapshot)
    {
        var request = FaultRequest.AtStart(source);
        foreach (var kind in ProbeKindNames.All)
        {
            if (snapshot.For(kind).Mode != FaultMode.Ok)
            {
                ProbeFaultApplied(at, request, kind, snapshot.For(kind));
            }
        }

        if (!snapshot.TcpOpen)
        {
            SwitchFaultApplied(at, request, "tcp", "open", false);
        }

        if (!snapshot.DependencyAvailable)
        {
            SwitchFaultApplied(at, request, "dependency", "available", false);
        }
    }

    /// <summary><c>fault-active</c>: the probe's scheduled fault became active at <paramref name="at"/> (its <c>activeFrom</c>).</summary>
    public void FaultActive(DateTimeOffset at, ProbeKind probe, ProbeFault fault) => FaultWindow(AppEventNames.FaultActive, at, probe, fault);

    /// <summary><c>fault-ended</c>: the probe's fault window closed at <paramref name="at"/> (its <c>activeUntil</c>); the probe is healthy again.</summary>
    public void FaultEnded(DateTimeOffset at, ProbeKind probe, ProbeFault fault) => FaultWindow(AppEventNames.FaultEnded, at, probe, fault);

    /// <summary><c>signal-received</c>: SIGTERM or SIGINT arrived; <paramref name="action"/> says what the app does about it.</summary>
    public void SignalReceived(DateTimeOffset at, string signal, string action) =>
        _log.WriteEvent(AppEventNames.SignalReceived, at, json =>
        {
            json.WriteString("signal", signal);
            json.WriteString("action", action);
        });

    /// <summary><c>process-exiting</c>: the process exits with <paramref name="exitCode"/> right after this line.</summary>
    public void ProcessExiting(DateTimeOffset at, int exitCode, string reason) =>
        _log.WriteEvent(AppEventNames.ProcessExiting, at, json =>
        {
            json.WriteNumber("exitCode", exitCode);
            json.WriteString("reason", reason);
        });

    /// <summary><c>listening</c> in proxy mode: the fault API port and every HTTP and gRPC route listener are open (TCP routes follow the app).</summary>
    public void ProxyListening(DateTimeOffset at, TargetAppSettings settings) =>
        _log.WriteEvent(AppEventNames.Listening, at, json =>
        {
            json.WriteString("bindAddress", settings.BindAddress.ToString());
            json.WriteNumber("port", settings.HttpPort);
            json.WriteBoolean("proxied", true);
            settings.Proxy?.WriteTo(json);
        });

    /// <summary><c>probe-answered</c> for a proxied HTTP probe: the answer (the app's or the fault's) as the client saw it.</summary>
    public void ProxiedProbeAnswered(
        DateTimeOffset at, string path, ProbeKind probe, string? userAgent, DateTimeOffset receivedAt, ProxiedAnswer answer, string reason, long startedTimestamp)
    {
        var durationMs = Stopwatch.GetElapsedTime(startedTimestamp).TotalMilliseconds;
        _log.WriteEvent(AppEventNames.ProbeAnswered, at, json =>
        {
            json.WriteString("path", path);
            WriteProbe(json, probe);
            WriteUserAgent(json, userAgent);
            if (answer.Status is { } code)
            {
                json.WriteNumber("status", code);
            }

            if (answer.SendingAt is { } sending)
            {
                json.WriteString("sendingAt", JsonOutput.Instant(sending));
            }

            WriteOutcome(json, receivedAt, answer.Answered, answer.Healthy, answer.AbortedBy, reason, durationMs);
            WriteProxied(json, answer);
        });
    }

    /// <summary><c>grpc-answered</c> for a proxied gRPC probe: the serving status or RPC status as the client saw it.</summary>
    public void ProxiedGrpcAnswered(
        DateTimeOffset at, string service, ProbeKind probe, string? userAgent, DateTimeOffset receivedAt, ProxiedAnswer answer, string reason, long startedTimestamp)
    {
        var durationMs = Stopwatch.GetElapsedTime(startedTimestamp).TotalMilliseconds;
        _log.WriteEvent(AppEventNames.GrpcAnswered, at, json =>
        {
            json.WriteString("service", service);
            WriteProbe(json, probe);
            WriteUserAgent(json, userAgent);
            if (answer.ServingStatus is { } serving)
            {
                json.WriteString("servingStatus", serving);
            }

            if (answer.GrpcStatus is { } status)
            {
                json.WriteString("grpcStatus", status);
            }

            WriteOutcome(json, receivedAt, answer.Answered, answer.Healthy, answer.AbortedBy, reason, durationMs);
            WriteProxied(json, answer);
        });
    }

    /// <summary><c>tcp-accepted</c> on a proxied TCP route: the port mirrors the app's, so the connection was closed without forwarding.</summary>
    public void ProxiedTcpAccepted(DateTimeOffset at, int port, string? remote, ProbeKind probe, int appPort) =>
        _log.WriteEvent(AppEventNames.TcpAccepted, at, json =>
        {
            json.WriteNumber("port", port);
            json.WriteString("remote", remote);
            WriteProbe(json, probe);
            json.WriteNumber("appPort", appPort);
            json.WriteBoolean("proxied", true);
            json.WriteNull("upstreamMs");
        });

    /// <summary><c>tcp-port-changed</c> on a proxied TCP route: open exactly while the app's port accepts and the <c>tcp</c> fault is open.</summary>
    public void ProxiedTcpPortChanged(DateTimeOffset at, int port, bool open, int appPort, bool appAccepting, bool faultOpen) =>
        _log.WriteEvent(AppEventNames.TcpPortChanged, at, json =>
        {
            json.WriteNumber("port", port);
            json.WriteBoolean("open", open);
            json.WriteNumber("appPort", appPort);
            json.WriteBoolean("appAccepting", appAccepting);
            json.WriteBoolean("faultOpen", faultOpen);
            json.WriteBoolean("proxied", true);
        });

    /// <summary><c>fault-applied</c> for target <c>crash</c> or <c>freeze</c> in proxy mode: <paramref name="signal"/> was sent to the app's processes at <paramref name="at"/>.</summary>
    public void AppSignalled(DateTimeOffset at, FaultRequest request, string target, string signal, IReadOnlyList<int> processIds, bool? frozen) =>
        _log.WriteEvent(AppEventNames.FaultApplied, at, json =>
        {
            WriteRequest(json, request, target);
            json.WriteString("signal", signal);
            json.WriteNumber("pid", processIds[0]);
            json.WriteStartArray("pids");
            foreach (var processId in processIds)
            {
                json.WriteNumberValue(processId);
            }

            json.WriteEndArray();
            if (frozen is { } value)
            {
                json.WriteBoolean("frozen", value);
            }

            json.WriteBoolean("proxied", true);
        });

    private static void WriteProxied(Utf8JsonWriter json, ProxiedAnswer answer)
    {
        json.WriteBoolean("proxied", true);
        if (answer.UpstreamMs is { } upstream)
        {
            json.WriteNumber("upstreamMs", Math.Round(upstream, 2));
        }
        else
        {
            json.WriteNull("upstreamMs");
        }

        json.WriteString("outcome", answer.Outcome);
    }

    private void FaultWindow(string name, DateTimeOffset at, ProbeKind probe, ProbeFault fault) =>
        _log.WriteEvent(name, at, json =>
        {
            json.WriteString("target", probe.Name());
            WriteProbe(json, probe);
            WriteFault(json, fault);
        });

    private static void WriteProbe(Utf8JsonWriter json, ProbeKind? probe)
    {
        if (probe is { } kind)
        {
            json.WriteString("probe", kind.Name());
        }
    }

    private static void WriteUserAgent(Utf8JsonWriter json, string? userAgent)
    {
        if (!string.IsNullOrEmpty(userAgent))
        {
            json.WriteString("userAgent", userAgent);
        }
    }

    private static void WriteOutcome(
        Utf8JsonWriter json, DateTimeOffset receivedAt, bool answered, bool healthy, string? abortedBy, string reason, double durationMs)
    {
        json.WriteString("receivedAt", JsonOutput.Instant(receivedAt));
        if (answered)
        {
            json.WriteBoolean("healthy", healthy);
        }
        else
        {
            json.WriteBoolean("aborted", true);
            json.WriteString("abortedBy", abortedBy);
        }

        json.WriteString("reason", reason);
        json.WriteNumber("durationMs", Math.Round(durationMs, 1));
    }

    private static void WriteRequest(Utf8JsonWriter json, FaultRequest request, string target)
    {
        json.WriteString("source", request.Source);
        if (request.Method is { } method)
        {
            json.WriteString("method", method);
        }

        if (request.Path is { } path)
        {
            json.WriteString("path", path);
        }

        json.WriteString("target", target);
    }

    private static void WriteFault(Utf8JsonWriter json, ProbeFault fault)
    {
        json.WriteString("mode", fault.Mode.Name());
        switch (fault.Mode)
        {
            case FaultMode.Fail:
            case FaultMode.Flap:
                json.WriteNumber("status", fault.FailureStatus);
                break;
            case FaultMode.Redirect:
                json.WriteNumber("status", fault.RedirectStatus);
                json.WriteString("location", fault.Location);
                break;
            case FaultMode.Slow:
                json.WriteNumber("delayMs", fault.DelayMs ?? 0);
                break;
        }

        if (fault.Every is { } every)
        {
            json.WriteNumber("every", every);
        }

        if (fault.ActiveFrom is { } from)
        {
            json.WriteString("activeFrom", JsonOutput.Instant(from));
        }

        if (fault.ActiveUntil is { } until)
        {
            json.WriteString("activeUntil", JsonOutput.Instant(until));
        }
    }
}
