namespace ProbeHarness.Reporting.Input;

/// <summary>An input of the report (record, TRX, previous report) could not be read; the message names the file and line.</summary>
public sealed class ReportInputException : Exception
{
    /// <summary>Creates the exception with its message.</summary>
    public ReportInputException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its message and cause.</summary>
    public ReportInputException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
