using System.Text.Json;

namespace ProbeHarness.TargetApp.Faults;

/// <summary>Turns the JSON body of <c>PUT /faults/{probe}</c> (or a persisted fault) into a validated <see cref="ProbeFault"/>.</summary>
public static class ProbeFaultParser
{
    private static readonly string[] RequestFields = ["mode", "status", "delayMs", "every", "location", "afterSeconds", "forSeconds"];
    private static readonly string[] PersistedFields = ["mode", "status", "delayMs", "every", "location", "activeFrom", "activeUntil", "active"];

    /// <summary>Parses a request body; <c>afterSeconds</c>/<c>forSeconds</c> become absolute times counted from <paramref name="now"/>.</summary>
    public static ProbeFault Parse(JsonElement body, string path, DateTimeOffset now)
    {
        var fields = JsonFields.Of(body, path, RequestFields);
        var fault = ParseMode(fields);
        var after = fields.Number("afterSeconds", 0, 86_400);
        var duration = fields.Number("forSeconds", 0.001, 86_400);
        if (fault.Mode == FaultMode.Ok && (after is not null || duration is not null))
        {
            throw new FaultInputException(fields.PathOf(after is not null ? "afterSeconds" : "forSeconds"), "does not apply to mode ok");
        }

        DateTimeOffset? from = after is null ? null : now.AddSeconds(after.Value);
        DateTimeOffset? until = duration is null ? null : (from ?? now).AddSeconds(duration.Value);
        return fault with { ActiveFrom = from, ActiveUntil = until };
    }

    /// <summary>Parses a fault written by <see cref="ProbeFault.WriteTo"/> (absolute <c>activeFrom</c>/<c>activeUntil</c>).</summary>
    public static ProbeFault ParsePersisted(JsonElement body, string path)
    {
        var fields = JsonFields.Of(body, path, PersistedFields);
        return ParseMode(fields) with { ActiveFrom = fields.Time("activeFrom"), ActiveUntil = fields.Time("activeUntil") };
    }

    private static ProbeFault ParseMode(JsonFields fields)
    {
        var modeName = fields.String("mode")
            ?? throw new FaultInputException(fields.PathOf("mode"), "is required", FaultModeNames.All);
        if (!FaultModeNames.TryParse(modeName, out var mode))
        {
            throw new FaultInputException(fields.PathOf("mode"), $"'{modeName}' is not a fault mode", FaultModeNames.All);
        }

        RejectFieldsOutsideMode(fields, mode);
        return mode switch
        {
            FaultMode.Ok => ProbeFault.Healthy,
            FaultMode.Hang => new ProbeFault(FaultMode.Hang),
            FaultMode.Fail => new ProbeFault(FaultMode.Fail, Status: fields.Integer("status", 400, 599) ?? ProbeFault.DefaultFailureStatus),
            FaultMode.Slow => new ProbeFault(FaultMode.Slow, DelayMs: Required(fields, "delayMs", fields.Integer("delayMs", 0, 3_600_000), "slow")),
            FaultMode.Flap => new ProbeFault(
                FaultMode.Flap,
                Status: fields.Integer("status", 400, 599) ?? ProbeFault.DefaultFailureStatus,
                Every: Required(fields, "every", fields.Integer("every", 1, 1_000), "flap")),
            FaultMode.Redirect => new ProbeFault(
                FaultMode.Redirect,
                Status: fields.Integer("status", 300, 399) ?? ProbeFault.DefaultRedirectStatus,
                Location: RequiredLocation(fields)),
            _ => throw new ArgumentOutOfRangeException(nameof(fields)),
        };
    }

    private static void RejectFieldsOutsideMode(JsonFields fields, FaultMode mode)
    {
        (string Field, FaultMode[] Modes)[] owners =
        [
            ("status", [FaultMode.Fail, FaultMode.Flap, FaultMode.Redirect]),
            ("delayMs", [FaultMode.Slow]),
            ("every", [FaultMode.Flap]),
            ("location", [FaultMode.Redirect]),
        ];
        foreach (var (field, modes) in owners)
        {
            if (fields.Has(field) && !modes.Contains(mode))
            {
                throw new FaultInputException(
                    fields.PathOf(field),
                    $"does not apply to mode {mode.Name()} (only to {string.Join(", ", modes.Select(m => m.Name()))})");
            }
        }
    }

    private static int Required(JsonFields fields, string name, int? value, string mode) =>
        value ?? throw new FaultInputException(fields.PathOf(name), $"is required for mode {mode}");

    private static string RequiredLocation(JsonFields fields)
    {
        var location = fields.String("location");
        return string.IsNullOrWhiteSpace(location)
            ? throw new FaultInputException(fields.PathOf("location"), "is required for mode redirect (a path like /healthz-target or an absolute URL)")
            : location;
    }
}
