using ProbeHarness.Report;

return ReportProgram.Run(args, Console.Out, Console.Error);
