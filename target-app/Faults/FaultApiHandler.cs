using System.Diagnostics;
using System.Text.Json;
using ProbeHarness.TargetApp.Http;
using ProbeHarness.TargetApp.Lifecycle;
using ProbeHarness.TargetApp.Logging;
using ProbeHarness.TargetApp.Memory;
using ProbeHarness.TargetApp.Proxy;

namespace ProbeHarness.TargetApp.Faults;

/// <summary>The runtime fault API under <c>/faults</c> (mapped only when <c>FAULTS_ENABLED=true</c>); every call is logged as one JSON line.</summary>
public sealed class FaultApiHandler
{
    private static readonly string[] PutTargets = ["liveness", "readiness", "startup", "tcp", "dependency"];
    private static readonly string[] ProxyPutTargets = ["liveness", "readiness", "startup", "tcp", "freeze"];

    private readonly FaultBoard _board;
    private readonly MemoryBallast _ballast;
    private readonly ProcessExit _exit;
    private readonly JsonLineLog _log;
    private readonly AppEventLog _events;
    private readonly TimeProvider _time;
    private readonly AppProcessControl? _app;

    /// <summary>Creates the handler; with <paramref name="app"/> (proxy mode) crash and freeze signal the app, and dependency and leak are unavailable.</summary>
    public FaultApiHandler(FaultBoard board, MemoryBallast ballast, ProcessExit exit, JsonLineLog log, AppEventLog events, TimeProvider time, AppProcessControl? app = null)
    {
        _app = app;
        _board = board;
        _ballast = ballast;
        _exit = exit;
        _log = log;
        _events = events;
        _time = time;
    }

    /// <summary><c>GET /faults</c>: the current state.</summary>
    public Task GetAsync(HttpContext context) => RunAsync(context, _ => Task.FromResult(StateAnswer(_board.Current)));

    /// <summary><c>DELETE /faults</c>: every probe ok, TCP open, dependency available (leaked memory stays leaked).</summary>
    public Task ResetAsync(HttpContext context) => RunAsync(context, _ =>
    {
        var change = _board.Apply(_ => FaultSnapshot.Healthy);
        _events.FaultsCleared(change.At, FaultRequest.Api(context));
        if (_app?.IsFrozen == true)
        {
            // Everything healthy again includes a frozen app; a thaw that fails leaves "frozen": true in the answer.
            LogSignalled(FaultRequest.Api(context), "freeze", _app.SetFrozen(false), frozen: false);
        }

        return Task.FromResult(StateAnswer(change.Current));
    });

    /// <summary><c>PUT /faults/{target}</c>: a probe's fault, the TCP listener or the dependency.</summary>
    public Task PutAsync(HttpContext context, string target) => RunAsync(context, body =>
    {
        var targets = _app is null ? PutTargets : ProxyPutTargets;
        if (_app is not null && target == "dependency")
        {
            return Task.FromResult(NotInProxyMode(target));
        }

        if (!targets.Contains(target))
        {
            var unknown = new FaultInputException("probe", $"unknown fault target '{target}'", targets);
            return Task.FromResult(new Answer(404, json => JsonResponse.WriteError(json, unknown), unknown.Message));
        }

        // Everything is parsed before anything changes, so a bad request leaves the state as it was.
        using var document = JsonDocumentReader.Parse(body);
        var root = document.RootElement;
        var now = _time.GetUtcNow();
        if (_app is not null && target == "freeze")
        {
            return Task.FromResult(Freeze(context, root));
        }

        Func<FaultSnapshot, FaultSnapshot> change = target switch
        {
            "tcp" => ParseTcp(root),
            "dependency" => ParseDependency(root),
            _ => ParseProbe(root, target, now),
        };
        var applied = _board.Apply(change);
        LogApplied(FaultRequest.Api(context), target, applied);
        return Task.FromResult(StateAnswer(applied.Current));
    });

    /// <summary><c>POST /faults/crash</c>: answers 202, then exits with <c>exitCode</c> (default 1).</summary>
    public Task CrashAsync(HttpContext context) => RunAsync(context, body =>
    {
        using var document = JsonDocumentReader.Parse(body);
        if (_app is not null)
        {
            return Task.FromResult(KillApp(context, document.RootElement));
        }

        var exitCode = JsonFields.Of(document.RootElement, string.Empty, ["exitCode"]).Integer("exitCode", 0, 255) ?? 1;
        _events.CrashRequested(_events.Now(), FaultRequest.Api(context), exitCode);
        context.Response.OnCompleted(() =>
        {
            _exit.Crash(exitCode);
            return Task.CompletedTask;
        });
        return Task.FromResult(new Answer(202, json =>
        {
            json.WriteBoolean("exiting", true);
            json.WriteNumber("exitCode", exitCode);
        }));
    });

    /// <summary><c>POST /faults/leak</c>: allocates and keeps <c>megabytes</c> more memory, within the <see cref="LeakLimits"/>.</summary>
    public Task LeakAsync(HttpContext context) => RunAsync(context, body =>
    {
        if (_app is not null)
        {
            return Task.FromResult(NotInProxyMode("leak"));
        }

        using var document = JsonDocumentReader.Parse(body);
        var fields = JsonFields.Of(document.RootElement, string.Empty, ["megabytes"]);
        var megabytes = fields.Integer("megabytes", 1, int.MaxValue)
            ?? throw new FaultInputException("megabytes", "is required (a whole number of megabytes, 1 or more)");
        _ballast.Grow(megabytes);
        _events.LeakApplied(_events.Now(), FaultRequest.Api(context), megabytes);
        return Task.FromResult(new Answer(200, WriteMemory));
    });

    // Proxy mode: the proxy has no dependency or heap of the app's to break.
    private static Answer NotInProxyMode(string target)
    {
        var error = $"{target} is not available in proxy mode: the proxy cannot reach inside the app";
        return new Answer(409, json =>
        {
            json.WriteString("error", error);
            json.WriteString("field", target);
        }, error);
    }

    private static Answer Conflict(string field, string problem) => new(409, json =>
    {
        json.WriteString("error", problem);
        json.WriteString("field", field);
    }, problem);

    private Answer KillApp(HttpContext context, JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("exitCode", out _))
        {
            throw new FaultInputException("exitCode", "cannot be chosen in proxy mode: the app is killed with SIGKILL, so it exits 137");
        }

        JsonFields.Of(root, string.Empty, []);
        var result = _app!.Kill();
        if (!result.Succeeded)
        {
            return Conflict("crash", result.Problem!);
        }

        LogSignalled(FaultRequest.Api(context), "crash", result, frozen: null);
        return new Answer(202, json =>
        {
            json.WriteBoolean("exiting", true);
            WriteSignalled(json, result);
        });
    }

    private Answer Freeze(HttpContext context, JsonElement root)
    {
        var frozen = JsonFields.Of(root, string.Empty, ["frozen"]).Boolean("frozen")
            ?? throw new FaultInputException("frozen", "is required (true or false)");
        var result = _app!.SetFrozen(frozen);
        if (!result.Succeeded)
        {
            return Conflict("frozen", result.Problem!);
        }

        LogSignalled(FaultRequest.Api(context), "freeze", result, frozen);
        var state = StateAnswer(_board.Current);
        return state with
        {
            WriteFields = json =>
            {
                state.WriteFields(json);
                WriteSignalled(json, result);
            },
        };
    }

    private static void WriteSignalled(Utf8JsonWriter json, AppSignalResult result)
    {
        json.WriteString("signal", result.Signal);
        json.WriteNumber("pid", result.ProcessIds[0]);
        json.WriteStartArray("pids");
        foreach (var processId in result.ProcessIds)
        {
            json.WriteNumberValue(processId);
        }

        json.WriteEndArray();
    }

    private void LogSignalled(FaultRequest request, string target, AppSignalResult result, bool? frozen)
    {
        if (result.Succeeded)
        {
            _events.AppSignalled(result.At, request, target, result.Signal, result.ProcessIds, frozen);
            return;
        }

        _log.Write("error", json =>
        {
            json.WriteString("component", "proxy-signal");
            json.WriteString("message", result.Problem);
        });
    }

    private static Func<FaultSnapshot, FaultSnapshot> ParseTcp(JsonElement root)
    {
        var open = FaultSnapshotParser.ParseTcpOpen(root, string.Empty);
        return state => state with { TcpOpen = open };
    }

    private static Func<FaultSnapshot, FaultSnapshot> ParseDependency(JsonElement root)
    {
        var available = FaultSnapshotParser.ParseDependencyAvailable(root, string.Empty);
        return state => state with { DependencyAvailable = available };
    }

    private static Func<FaultSnapshot, FaultSnapshot> ParseProbe(JsonElement root, string target, DateTimeOffset now)
    {
        ProbeKindNames.TryParse(target, out var kind);
        var fault = ProbeFaultParser.Parse(root, string.Empty, now);
        return state => state.With(kind, fault);
    }

    private void LogApplied(FaultRequest request, string target, FaultChange applied)
    {
        switch (target)
        {
            case "tcp":
                _events.SwitchFaultApplied(applied.At, request, target, "open", applied.Current.TcpOpen);
                break;
            case "dependency":
                _events.SwitchFaultApplied(applied.At, request, target, "available", applied.Current.DependencyAvailable);
                break;
            default:
                ProbeKindNames.TryParse(target, out var kind);
                _events.ProbeFaultApplied(applied.At, request, kind, applied.Current.For(kind));
                break;
        }
    }

    private Answer StateAnswer(FaultSnapshot snapshot) => new(200, json =>
    {
        snapshot.WriteFieldsTo(json, _time.GetUtcNow());
        if (_app is not null)
        {
            json.WriteBoolean("frozen", _app.IsFrozen);
        }

        json.WriteStartObject("memory");
        WriteMemory(json);
        json.WriteEndObject();
    });

    private void WriteMemory(Utf8JsonWriter json)
    {
        json.WriteNumber("leakedMegabytes", _ballast.LeakedMegabytes);
        json.WriteNumber("workingSetMegabytes", MemoryBallast.WorkingSetMegabytes);
    }

    private async Task RunAsync(HttpContext context, Func<string, Task<Answer>> handle)
    {
        var started = Stopwatch.GetTimestamp();
        var body = string.Empty;
        int status;
        string? error = null;
        try
        {
            body = await RequestBody.ReadTextAsync(context);
            var answer = await handle(body);
            status = answer.StatusCode;
            error = answer.Error;
            await JsonResponse.WriteAsync(context, status, answer.WriteFields);
        }
        catch (FaultInputException failure)
        {
            status = 400;
            error = failure.Message;
            await JsonResponse.WriteBadRequestAsync(context, failure);
        }

        var durationMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        _log.Write("fault", json =>
        {
            json.WriteString("method", context.Request.Method);
            json.WriteString("path", context.Request.Path.Value);
            json.WriteString("userAgent", context.Request.Headers.UserAgent.ToString());
            json.WriteString("body", body.Length > 1024 ? body[..1024] : body);
            json.WriteNumber("status", status);
            json.WriteString("error", error);
            json.WriteNumber("durationMs", Math.Round(durationMs, 1));
        });
    }

    private sealed record Answer(int StatusCode, Action<Utf8JsonWriter> WriteFields, string? Error = null);
}
