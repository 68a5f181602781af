using OwnApp;

return await OwnAppRunner.RunAsync(Environment.GetEnvironmentVariable, TimeProvider.System, Console.Out, Console.Error);
