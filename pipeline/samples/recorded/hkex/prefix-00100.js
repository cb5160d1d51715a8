callback({"more": "1", "stockInfo": [{"stockId": 1000100, "code": "00100", "name": "MINIMAX"}]});
