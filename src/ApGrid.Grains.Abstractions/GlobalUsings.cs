global using ApGrid.Domain;
global using Orleans;
global using Orleans.Concurrency;
global using ErrorCode = ApGrid.Domain.ErrorCode;
