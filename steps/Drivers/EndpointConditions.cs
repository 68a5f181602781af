using System.Globalization;
using k8s.Models;

namespace ProbeHarness.Steps.Drivers;

/// <summary>Expected EndpointSlice conditions of one endpoint, e.g. <c>ready=false, serving=true, terminating=true</c>; an omitted condition is not checked.</summary>
/// <param name="Ready">Expected <c>ready</c>, or null.</param>
/// <param name="Serving">Expected <c>serving</c>, or null.</param>
/// <param name="Terminating">Expected <c>terminating</c>, or null.</param>
public sealed record EndpointConditions(bool? Ready, bool? Serving, bool? Terminating)
{
    /// <summary>Reads <c>ready=false, serving=true, terminating=false</c> (any subset, any order).</summary>
    public static EndpointConditions Parse(string text)
    {
        bool? ready = null, serving = null, terminating = null;
        foreach (var part in text.Split(new[] { ',', ' ' }, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(p => p != "and"))
        {
            var pair = part.Split('=');
            if (pair.Length != 2 || !bool.TryParse(pair[1], out var value))
            {
                throw new ScenarioInputException($"'{part}' is not a condition; write e.g. 'ready=false, serving=true, terminating=false'.");
            }

            switch (pair[0])
            {
                case "ready": ready = value; break;
                case "serving": serving = value; break;
                case "terminating": terminating = value; break;
                default: throw new ScenarioInputException($"'{pair[0]}' is not an EndpointSlice condition; allowed: ready, serving, terminating.");
            }
        }

        return new EndpointConditions(ready, serving, terminating);
    }

    /// <summary>True when <paramref name="actual"/> has every expected condition.</summary>
    public bool Match(V1EndpointConditions? actual) =>
        (Ready is null || actual?.Ready == Ready) && (Serving is null || actual?.Serving == Serving) && (Terminating is null || actual?.Terminating == Terminating);

    /// <summary>Conditions in the step's words; unset ones read <c>unset</c>.</summary>
    public static string Describe(V1EndpointConditions? c) =>
        string.Create(CultureInfo.InvariantCulture, $"ready={Word(c?.Ready)}, serving={Word(c?.Serving)}, terminating={Word(c?.Terminating)}");

    /// <inheritdoc/>
    public override string ToString() =>
        string.Join(", ", new[] { Part("ready", Ready), Part("serving", Serving), Part("terminating", Terminating) }.OfType<string>());

    private static string? Part(string name, bool? value) => value is null ? null : $"{name}={Word(value)}";

    private static string Word(bool? value) => value switch { true => "true", false => "false", null => "unset" };
}
