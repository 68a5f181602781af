using System.Text.Json;

namespace ProbeHarness.TargetApp.Faults;

/// <summary>One probe's configured fault, with the absolute window in which it is active.</summary>
/// <param name="Mode">How the probe misbehaves.</param>
/// <param name="Status">Status answered by fail, flap and redirect (the parser fills in the mode's default).</param>
/// <param name="DelayMs">Delay of mode slow.</param>
/// <param name="Every">Mode flap fails the probes numbered every, 2·every, …</param>
/// <param name="Location">Target of mode redirect.</param>
/// <param name="ActiveFrom">Start of the fault (from <c>afterSeconds</c>); null = at once.</param>
/// <param name="ActiveUntil">End of the fault (from <c>forSeconds</c>); null = until changed.</param>
public sealed record ProbeFault(
    FaultMode Mode,
    int? Status = null,
    int? DelayMs = null,
    int? Every = null,
    string? Location = null,
    DateTimeOffset? ActiveFrom = null,
    DateTimeOffset? ActiveUntil = null)
{
    /// <summary>No fault.</summary>
    public static ProbeFault Healthy { get; } = new(FaultMode.Ok);

    /// <summary>Status of fail and flap when the request names none.</summary>
    public const int DefaultFailureStatus = 500;

    /// <summary>Status of redirect when the request names none.</summary>
    public const int DefaultRedirectStatus = 302;

    /// <summary>Status of a failing answer (fail, flap).</summary>
    public int FailureStatus => Status ?? DefaultFailureStatus;

    /// <summary>Status of a redirect answer.</summary>
    public int RedirectStatus => Status ?? DefaultRedirectStatus;

    /// <summary>True when the fault is not ok and <paramref name="now"/> is inside its window.</summary>
    public bool IsActiveAt(DateTimeOffset now) =>
        Mode != FaultMode.Ok && (ActiveFrom is null || now >= ActiveFrom) && (ActiveUntil is null || now < ActiveUntil);

    /// <summary>Writes the fault as a JSON object, with <c>active</c> evaluated at <paramref name="now"/>.</summary>
    public void WriteTo(Utf8JsonWriter json, DateTimeOffset now)
    {
        json.WriteStartObject();
        json.WriteString("mode", Mode.Name());
        switch (Mode)
        {
            case FaultMode.Fail:
                json.WriteNumber("status", FailureStatus);
                break;
            case FaultMode.Slow:
                json.WriteNumber("delayMs", DelayMs ?? 0);
                break;
            case FaultMode.Flap:
                json.WriteNumber("every", Every ?? 1);
                json.WriteNumber("status", FailureStatus);
                break;
            case FaultMode.Redirect:
                json.WriteNumber("status", RedirectStatus);
                json.WriteString("location", Location);
                break;
        }

        if (ActiveFrom is { } from)
        {
            json.WriteString("activeFrom", from.UtcDateTime.ToString("O"));
        }

        if (ActiveUntil is { } until)
        {
            json.WriteString("activeUntil", until.UtcDateTime.ToString("O"));
        }

        json.WriteBoolean("active", IsActiveAt(now));
        json.WriteEndObject();
    }
}
