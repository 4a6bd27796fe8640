"""Changes of Rasa's own behaviour, installed by pass-through pipeline components or at load time."""
