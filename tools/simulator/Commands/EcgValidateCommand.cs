using System.Globalization;
using Dispatch.Ecg.Synthesis;
using Dispatch.Ecg.Validation;

namespace Dispatch.Simulator.Commands;

/// <summary>ecg-validate: screens labelled generated ECGs at each noise level and prints the figures docs/ecg.md reports.</summary>
public sealed class EcgValidateCommand : ISimulatorCommand
{
    public string Name => "ecg-validate";

    public string Summary => "[--count N] [--seed N]: STEMI screen sensitivity/specificity and QRS detection on generated ECGs";

    public async Task<int> Run(CommandOptions options, TextWriter output, CancellationToken stop)
    {
        var count = options.Int("count", 500);
        var seed = options.Int("seed", 2026);
        foreach (var noise in new[] { NoiseLevel.Low, NoiseLevel.Ambulance, NoiseLevel.High })
        {
            var started = System.Diagnostics.Stopwatch.StartNew();
            var report = EcgValidation.Run(count, noise, seed, stop);
            await output.WriteLineAsync(report.ToMarkdown());
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"\n({started.Elapsed.TotalSeconds:F1} s)\n"));
        }

        return 0;
    }
}
