callback({"more": "1", "stockInfo": [{"stockId": 1000251, "code": "02513", "name": "KNOWLEDGE ATLAS"}]});
