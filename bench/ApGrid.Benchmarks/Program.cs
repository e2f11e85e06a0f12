using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/ApGrid.Benchmarks -- --filter '*'   (see docs/benchmarks.md)
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
