global using ErrorCode = ApGrid.Domain.ErrorCode;
