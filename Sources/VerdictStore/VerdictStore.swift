import RewardCore
