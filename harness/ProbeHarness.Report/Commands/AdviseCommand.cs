using System.Globalization;
using ProbeHarness.Cluster;
using ProbeHarness.Preflight.Advisor;

namespace ProbeHarness.Report.Commands;

/// <summary><c>advise</c>: recommends probe settings from recorded runs; exit 0 when advised, 2 on bad input (naming the file) or a wrong command line.</summary>
public static class AdviseCommand
{
    /// <summary>The files written into <c>--out</c>.</summary>
    public static IReadOnlyList<string> Outputs { get; } = ["advise.md", "advise.json", "advise.svg"];

    /// <summary>Runs the command; returns the exit code.</summary>
    public static int Run(CommandArguments arguments, TextWriter stdout, TextWriter stderr)
    {
        arguments.AllowOnly("results", "manifest", "out", "container", "max-risk-per-day");
        var results = arguments.Required("results");
        string manifest;
        try
        {
            manifest = arguments.Optional("manifest") ?? Path.Combine(RepositoryPaths.Manifests, "target-app.yaml");
        }
        catch (DirectoryNotFoundException failure)
        {
            stderr.WriteLine($"error: no --manifest given and the default manifests/target-app.yaml cannot be found: {failure.Message}");
            return ReportProgram.UsageError;
        }

        var budget = arguments.Optional("max-risk-per-day") switch
        {
            null => ProbeAdvisor.DefaultMaxRiskPerDay,
            var text when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value is > 0 and < 1 => value,
            var text => throw new UsageException($"--max-risk-per-day must be a probability between 0 and 1 (exclusive), not '{text}'"),
        };

        Advice advice;
        try
        {
            var container = AdvisorInput.ReadManifest(manifest, arguments.Optional("container"));
            var samples = RecordedSamples.From(AdvisorInput.ReadRecords(results));
            advice = ProbeAdvisor.Advise(samples, container, results, budget);
        }
        catch (AdvisorInputException failure)
        {
            stderr.WriteLine($"error: {failure.Message}");
            return ReportProgram.UsageError;
        }

        var markdown = AdviceWriter.Markdown(advice);
        stdout.Write(markdown);
        if (arguments.Optional("out") is { } output)
        {
            var folder = Path.GetFullPath(output);
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, Outputs[0]), markdown);
            File.WriteAllText(Path.Combine(folder, Outputs[1]), AdviceWriter.Json(advice));
            File.WriteAllText(Path.Combine(folder, Outputs[2]), AdvicePlot.ToSvg(advice));
            stderr.WriteLine($"advise: {string.Join(", ", Outputs)} written to {folder}");
        }

        return ReportProgram.Ok;
    }
}
