using Dispatch.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;

namespace Dispatch.Tests.Grains;

/// <summary>The embedded engine's grain storage keeps a copy of what was written and refuses a write from a stale reader.</summary>
public sealed class InProcessGrainStorageTests
{
    private static readonly GrainId Grain = GrainId.Create("ambulance", "amb-1");

    private readonly InProcessGrainStorage _storage = new(new OrleansGrainStorageSerializer(
        new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>()));

    [Fact]
    public async Task WhatWasWritten_IsReadBack_AndLaterChangesToTheObjectAreNotStored()
    {
        var written = new GrainState<Dictionary<string, int>>(new() { ["fixes"] = 3 });
        await _storage.WriteStateAsync("ambulance", Grain, written);
        written.State!["fixes"] = 99;

        var read = await Read();

        Assert.Equal((true, 3, written.ETag), (read.RecordExists, read.State!["fixes"], read.ETag));
    }

    [Fact]
    public async Task AWriteFromAStaleReader_IsRefused_AndTheStoredStateStays()
    {
        await _storage.WriteStateAsync("ambulance", Grain, new GrainState<Dictionary<string, int>>(new() { ["fixes"] = 1 }));
        var first = await Read();
        var second = await Read();
        second.State!["fixes"] = 2;
        await _storage.WriteStateAsync("ambulance", Grain, second);

        first.State!["fixes"] = 7;
        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync("ambulance", Grain, first));

        Assert.Equal(2, (await Read()).State!["fixes"]);
    }

    [Fact]
    public async Task ClearedState_ReadsAsNoRecord_AndANewRecordCanBeWritten()
    {
        var state = new GrainState<Dictionary<string, int>>(new() { ["fixes"] = 1 });
        await _storage.WriteStateAsync("ambulance", Grain, state);

        await _storage.ClearStateAsync("ambulance", Grain, state);
        var cleared = await Read();
        cleared.State!["fixes"] = 5;
        await _storage.WriteStateAsync("ambulance", Grain, cleared);

        Assert.Equal((false, true, 5), (state.RecordExists, (await Read()).RecordExists, (await Read()).State!["fixes"]));
    }

    [Fact]
    public async Task StatesOfTheSameGrainUnderDifferentNames_AreKeptApart()
    {
        await _storage.WriteStateAsync("ambulance", Grain, new GrainState<Dictionary<string, int>>(new() { ["fixes"] = 1 }));

        var other = new GrainState<Dictionary<string, int>>();
        await _storage.ReadStateAsync("ecg-recording", Grain, other);

        Assert.Equal((false, 0), (other.RecordExists, other.State!.Count));
    }

    private async Task<GrainState<Dictionary<string, int>>> Read()
    {
        var state = new GrainState<Dictionary<string, int>>();
        await _storage.ReadStateAsync("ambulance", Grain, state);
        return state;
    }
}
