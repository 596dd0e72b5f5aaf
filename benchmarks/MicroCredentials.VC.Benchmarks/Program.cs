using BenchmarkDotNet.Running;

// `--short` is a quick run (BenchmarkDotNet's short job); every other argument goes to BenchmarkDotNet.
var forwarded = args.SelectMany(a => a == "--short" ? new[] { "--job", "short" } : new[] { a }).ToArray();
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(forwarded);
