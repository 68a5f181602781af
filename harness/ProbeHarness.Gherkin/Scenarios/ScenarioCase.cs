namespace ProbeHarness.Gherkin.Scenarios;

/// <summary>One pickle of a feature: a scenario, or one examples row of an outline, with backgrounds prepended.</summary>
public sealed record ScenarioCase
{
    /// <summary>The tag (without <c>@</c>, any case) that skips a scenario, as Reqnroll's <c>@ignore</c>.</summary>
    public const string IgnoreTag = "ignore";

    /// <summary>The tag (without <c>@</c>, any case) that makes a scenario run only when explicit tests are asked for.</summary>
    public const string ExplicitTag = "explicit";

    /// <summary>Tag that runs a scenario alone: never beside another scenario (for ones that share something with the rest).</summary>
    public const string SerialTag = "serial";

    /// <summary>Tag that starts a scenario before others waiting for a slot (one that takes a minute or more on some cluster), so the suite does not wait on it at the end.</summary>
    public const string LongTag = "long";

    /// <summary>The row id of this pickle.</summary>
    public required ScenarioId Id { get; init; }

    /// <summary>The title of the feature the pickle belongs to.</summary>
    public required string FeatureTitle { get; init; }

    /// <summary>The title of the enclosing <c>Rule</c>, or null outside rules.</summary>
    public required string? RuleTitle { get; init; }

    /// <summary>The rule's description, or null outside rules.</summary>
    public required string? RuleDescription { get; init; }

    /// <summary>The scenario title as written (outline placeholders kept), which Reqnroll puts in <c>ScenarioInfo.Title</c>.</summary>
    public required string Title { get; init; }

    /// <summary>The pickle name: the title with this examples row's values substituted.</summary>
    public required string PickleName { get; init; }

    /// <summary>The scenario description.</summary>
    public required string Description { get; init; }

    /// <summary>Tags of the feature, without <c>@</c>.</summary>
    public required IReadOnlyList<string> FeatureTags { get; init; }

    /// <summary>Tags of the enclosing rule, without <c>@</c>.</summary>
    public required IReadOnlyList<string> RuleTags { get; init; }

    /// <summary>Tags of the scenario and of its examples block, without <c>@</c>.</summary>
    public required IReadOnlyList<string> ScenarioTags { get; init; }

    /// <summary>The examples row as header/value pairs, empty for a plain scenario.</summary>
    public required IReadOnlyList<KeyValuePair<string, string>> ExampleValues { get; init; }

    /// <summary>The steps to run: feature background, rule background, then the scenario's own.</summary>
    public required IReadOnlyList<ScenarioStep> Steps { get; init; }

    /// <summary>The 1-based line of the examples row, or of the scenario for a plain scenario.</summary>
    public required int Line { get; init; }

    /// <summary>Errors that keep the scenario from running (a table it cannot read, a name used twice); empty when none.</summary>
    public IReadOnlyList<AuthoringError> AuthoringErrors { get; init; } = [];

    /// <summary>Every tag that applies (feature, rule, scenario, examples), without duplicates, in that order.</summary>
    public IReadOnlyList<string> AllTags =>
        FeatureTags.Concat(RuleTags).Concat(ScenarioTags).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary><c>Feature title: Scenario title</c> (the pickle name, so outline placeholders are filled in).</summary>
    public string BaseDisplayName => $"{FeatureTitle}: {PickleName}";

    /// <summary>The examples row as <c>name=value, ...</c>; empty for a plain scenario.</summary>
    public string ExampleLabel => string.Join(", ", ExampleValues.Select(value => $"{value.Key}={value.Value}"));

    /// <summary><c>Feature title: Scenario title [name=value, ...]</c>, the test name runners show.</summary>
    public string DisplayName => ExampleValues.Count == 0 ? BaseDisplayName : $"{BaseDisplayName} [{ExampleLabel}]";

    /// <summary>The title as written, then the examples row as <c>(name=value, ...)</c>: how a scenario record names it.</summary>
    public string RecordName => ExampleValues.Count == 0 ? Title : $"{Title} ({ExampleLabel})";

    /// <summary>True when an <c>@ignore</c> tag applies.</summary>
    public bool IsIgnored => HasTag(IgnoreTag);

    /// <summary>True when an <c>@explicit</c> tag applies.</summary>
    public bool IsExplicit => HasTag(ExplicitTag);

    /// <summary>True when the scenario (or its feature, rule or examples) is tagged <c>@serial</c>.</summary>
    public bool IsSerial => HasTag(SerialTag);

    /// <summary>True when an <c>@long</c> tag applies.</summary>
    public bool IsLong => HasTag(LongTag);

    private bool HasTag(string tag) => AllTags.Any(candidate => string.Equals(candidate, tag, StringComparison.OrdinalIgnoreCase));
}
