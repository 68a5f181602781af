using ProbeHarness.Report.Commands;
using ProbeHarness.Reporting.Input;

namespace ProbeHarness.Report;

/// <summary>The <c>ProbeHarness.Report</c> command line: <c>build</c> a report folder, or <c>compare</c> two backends.</summary>
public static class ReportProgram
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>compare: a scenario that ran on both backends got different verdicts.</summary>
    public const int Disagreement = 1;

    /// <summary>The command line is wrong.</summary>
    public const int UsageError = 2;

    /// <summary>An input (records, TRX, previous report) could not be read, or compare had nothing to compare.</summary>
    public const int InputError = 3;

    /// <summary>The usage text.</summary>
    public const string Usage = """
        usage:
          ProbeHarness.Report build --results <dir> --out <dir> [--previous <dir|report.json>] [--trx <file>]
                                    [--cucumber <file>]... [--backend <name>] [--suite-seconds <n>] [--selected <file>]
              Reads the scenario records in --results and writes report.json, report.md, index.html, junit.xml
              and timelines/ to --out; a test --selected lists (one display name a line) that left no record and
              no TRX result is a "not run" row. Exit 0 when written, 3 when an input could not be read.
          ProbeHarness.Report compare --left <dir> --right <dir> [--out <file.md or folder>]
              Prints the agreement table of two runs (results or report folders). Exit 1 when a scenario that
              ran on both got different verdicts, 3 when nothing ran on both.
        """;

    /// <summary>Runs the command in <paramref name="args"/>; returns the exit code.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            var arguments = CommandArguments.Parse(args);
            return arguments.Command switch
            {
                "build" => BuildCommand.Run(arguments, stdout, stderr),
                "compare" => CompareCommand.Run(arguments, stdout),
                "help" or "--help" or "-h" => Help(stdout),
                _ => throw new UsageException($"unknown command '{arguments.Command}'"),
            };
        }
        catch (UsageException failure)
        {
            stderr.WriteLine($"error: {failure.Message}");
            stderr.WriteLine(Usage);
            return UsageError;
        }
        catch (ReportInputException failure)
        {
            stderr.WriteLine($"error: {failure.Message}");
            return InputError;
        }
    }

    private static int Help(TextWriter stdout)
    {
        stdout.WriteLine(Usage);
        return Ok;
    }
}
