"""Business rules of Hygie: plain Python, nothing imported from Rasa."""
