using ProbeHarness.Preflight;
using ProbeHarness.Preflight.Findings;
using ProbeHarness.Preflight.Output;

namespace ProbeHarness.Report.Commands;

/// <summary><c>preflight</c>: lints the probes of the manifests in files and folders, without a cluster; exit 0, 1 (findings at or above --fail-on) or 2 (bad input).</summary>
public static class PreflightCommand
{
    /// <summary>Runs the command; returns the exit code.</summary>
    public static int Run(CommandArguments arguments, TextWriter stdout, TextWriter stderr)
    {
        arguments.AllowOnly("format", "out", "sarif", "fail-on");
        if (arguments.Operands.Count == 0)
        {
            throw new UsageException("preflight needs at least one manifest file or folder");
        }

        var formatName = arguments.Optional("format") ?? "human";
        var format = PreflightWriter.ParseFormat(formatName)
            ?? throw new UsageException($"--format must be human, json, sarif or junit, not '{formatName}'");
        var failOnName = arguments.Optional("fail-on") ?? "warning";
        var failOn = SeverityNames.Parse(failOnName)
            ?? throw new UsageException($"--fail-on must be error, warning or note, not '{failOnName}'");
        var output = arguments.Optional("out");
        var sarif = arguments.Optional("sarif");

        var result = PreflightRunner.Run(arguments.Operands);
        var text = PreflightWriter.Write(result, format, failOn);

        // Machine-readable output on stdout stays parseable: notes and errors then go to stderr.
        var notes = format == OutputFormat.Human && output is null ? stdout : stderr;
        if (output is null)
        {
            stdout.Write(text);
        }
        else
        {
            WriteFile(output, text);
            notes.WriteLine($"preflight: {formatName.ToLowerInvariant()} written to {Path.GetFullPath(output)}");
        }

        if (sarif is not null)
        {
            WriteFile(sarif, SarifFormat.Write(result));
            notes.WriteLine($"preflight: SARIF written to {Path.GetFullPath(sarif)}");
        }

        if (format != OutputFormat.Human || output is not null)
        {
            foreach (var error in result.InputErrors)
            {
                stderr.WriteLine($"error: {error.Message}");
            }

            notes.WriteLine($"preflight: {result.Summary()}");
        }

        return result.ExitCode(failOn);
    }

    private static void WriteFile(string path, string text)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }
}
