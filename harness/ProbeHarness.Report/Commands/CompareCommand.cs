using ProbeHarness.Reporting.Compare;

namespace ProbeHarness.Report.Commands;

/// <summary><c>compare</c>: prints the agreement table of two backends' runs.</summary>
public static class CompareCommand
{
    /// <summary>Runs the command; returns 1 when a scenario that ran on both disagrees, 3 when none ran on both.</summary>
    public static int Run(CommandArguments arguments, TextWriter stdout)
    {
        arguments.AllowOnly("left", "right", "out");
        var table = AgreementTable.Of(
            ComparedRun.Load(Path.GetFullPath(arguments.Required("left"))),
            ComparedRun.Load(Path.GetFullPath(arguments.Required("right"))));
        var markdown = table.ToMarkdown();
        stdout.Write(markdown);
        if (arguments.Optional("out") is { } output)
        {
            // A folder (existing, or named with a trailing slash) gets agreement.md inside it.
            var file = Directory.Exists(output) || output.EndsWith('/') ? Path.Combine(output, "agreement.md") : output;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
            File.WriteAllText(file, markdown);
            stdout.WriteLine($"agreement table written to {Path.GetFullPath(file)}");
        }

        if (table.Compared == 0)
        {
            stdout.WriteLine("error: no scenario ran (and was judged) on both backends; nothing was compared.");
            return ReportProgram.InputError;
        }

        return table.Disagreements == 0 ? ReportProgram.Ok : ReportProgram.Disagreement;
    }
}
