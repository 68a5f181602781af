using ProbeHarness.TargetApp;

return await TargetAppRunner.RunAsync(Environment.GetEnvironmentVariable, TimeProvider.System, Console.Out, Console.Error);
